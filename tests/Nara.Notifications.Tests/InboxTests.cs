using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Nara.Notifications.Contracts;
using Nara.Testing;

namespace Nara.Notifications.Tests;

public partial class InboxTests(CitizenFactory factory) : IClassFixture<CitizenFactory>
{
    [Fact]
    public async Task Messages_to_a_citizen_land_in_their_inbox_and_the_header_counts_them_unread()
    {
        var (account, client) = await factory.CitizenAsync();
        await factory.SendToAsync(account, NotificationKinds.Benefits, "아동수당 안내");
        await factory.SendToAsync(account, NotificationKinds.DueDates, "자동차세 납부 기한");
        await factory.DispatchAllAsync();

        var html = await client.GetStringAsync(new Uri("/inbox", UriKind.Relative));

        Assert.Contains("아동수당 안내", html, StringComparison.Ordinal);
        Assert.Contains("자동차세 납부 기한", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"알림 2, 읽지 않은 알림 2건\"", html, StringComparison.Ordinal);
        var english = await client.GetStringAsync(new Uri("/inbox?culture=en", UriKind.Relative));
        Assert.Contains("aria-label=\"Inbox 2, 2 unread\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_message_marks_it_read_and_archiving_moves_it_to_the_archive()
    {
        var (account, client) = await factory.CitizenAsync();
        await factory.SendToAsync(account, NotificationKinds.CaseUpdates, "출생신고 처리 완료");
        await factory.DispatchAllAsync();
        var id = ItemIds(await client.GetStringAsync(new Uri("/inbox", UriKind.Relative))).Single();

        var message = await client.GetStringAsync(new Uri($"/inbox/{id}", UriKind.Relative));
        Assert.Contains("출생신고 처리 완료 본문입니다.", message, StringComparison.Ordinal);
        Assert.Contains("읽지 않은 알림 0건", await client.GetStringAsync(new Uri("/inbox", UriKind.Relative)), StringComparison.Ordinal);

        var archived = await CitizenFactory.PostFormAsync(client, $"/inbox/{id}", $"/inbox/{id}?handler=Archive", []);
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Empty(ItemIds(await client.GetStringAsync(new Uri("/inbox", UriKind.Relative))));
        Assert.Equal([id], ItemIds(await client.GetStringAsync(new Uri("/inbox?view=archived", UriKind.Relative))));

        var restored = await CitizenFactory.PostFormAsync(client, $"/inbox/{id}", $"/inbox/{id}?handler=Restore", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal([id], ItemIds(await client.GetStringAsync(new Uri("/inbox", UriKind.Relative))));
    }

    [Fact]
    public async Task Another_citizen_can_neither_see_open_nor_archive_someone_elses_message()
    {
        var (owner, ownerClient) = await factory.CitizenAsync("이주인");
        var (_, other) = await factory.CitizenAsync("박타인");
        await factory.SendToAsync(owner, NotificationKinds.Benefits, "이주인님께만");
        await factory.DispatchAllAsync();
        var id = ItemIds(await ownerClient.GetStringAsync(new Uri("/inbox", UriKind.Relative))).Single();

        Assert.DoesNotContain("이주인님께만", await other.GetStringAsync(new Uri("/inbox", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/inbox/{id}", UriKind.Relative))).StatusCode);
        var archive = await CitizenFactory.PostFormAsync(other, "/inbox", $"/inbox/{id}?handler=Archive", []);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        Assert.Equal([id], ItemIds(await ownerClient.GetStringAsync(new Uri("/inbox", UriKind.Relative))));
        Assert.Contains("읽지 않은 알림 1건", await ownerClient.GetStringAsync(new Uri("/inbox", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_officials_are_refused()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);

        var response = await anonymous.GetAsync(new Uri("/inbox", UriKind.Relative));
        var settings = await anonymous.GetAsync(new Uri("/settings/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await official.GetAsync(new Uri("/inbox", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("nara-inbox-link", await official.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_delivery_of_one_message_makes_one_inbox_item()
    {
        var (account, client) = await factory.CitizenAsync();
        var sent = await factory.SendToAsync(account, NotificationKinds.General, "한 번만");
        await factory.DispatchAllAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetServices<Channels.IDeliveryChannel>().Single(c => c.Name == NotificationChannels.Inbox);
            var outcome = await inbox.DeliverAsync(new Channels.OutgoingMessage(sent.MessageIds[0], "inbox", account.ToString(), account, "ko", "general", "govstack.email", "한 번만", "본문"), CancellationToken.None);
            Assert.Equal(Channels.DeliveryOutcomeKind.Delivered, outcome.Kind);
        }

        Assert.Single(ItemIds(await client.GetStringAsync(new Uri("/inbox", UriKind.Relative))));
    }

    private static List<Guid> ItemIds(string html) => [.. ItemLink().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];

    [GeneratedRegex("href=\"/inbox/([0-9a-f-]{36})\"")]
    private static partial Regex ItemLink();
}
