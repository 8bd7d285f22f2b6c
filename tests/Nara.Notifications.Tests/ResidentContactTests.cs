using Microsoft.Extensions.DependencyInjection;
using Nara.Notifications.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Notifications.Tests;

/// <summary>A message addressed by resident goes to the contacts on the resident record (the personas have some).</summary>
public class ResidentContactTests(ResidentContactTests.Factory factory) : IClassFixture<ResidentContactTests.Factory>
{
    private async Task<NotificationSendResult> SendAsync(string residentId, string? channel, string? phone = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INotificationSender>().SendAsync(
            new NotificationRequested(
                "govstack.email",
                new NotificationRecipient(ResidentId: residentId, PhoneNumber: phone),
                new Dictionary<string, string> { ["title"] = "안내", ["content"] = "본문" },
                NotificationKinds.General,
                Guid.NewGuid().ToString("N"),
                channel),
            CancellationToken.None);
    }

    [Fact]
    public async Task An_SMS_to_a_resident_goes_to_the_mobile_number_on_their_record()
    {
        var sent = await SendAsync(DemoPersonas.MotherOfNewborn.ResidentNumber, NotificationChannels.Sms);

        Assert.True(sent.Succeeded, sent.Error);
        var message = await factory.MessageAsync(sent.MessageIds.Single());
        Assert.Equal(DemoContacts.Mobile(DemoPersonas.MotherOfNewborn), message.To);
    }

    [Fact]
    public async Task Without_a_forced_channel_a_resident_gets_email_and_SMS_from_the_record()
    {
        var sent = await SendAsync(DemoPersonas.ElderlyAlone.ResidentNumber, null);

        Assert.True(sent.Succeeded, sent.Error);
        var to = new List<string>();
        foreach (var id in sent.MessageIds)
        {
            to.Add((await factory.MessageAsync(id)).To);
        }

        Assert.Equal([DemoContacts.Mobile(DemoPersonas.ElderlyAlone), DemoContacts.Email(DemoPersonas.ElderlyAlone)], to.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_number_the_sender_gives_wins_over_the_record()
    {
        var sent = await SendAsync(DemoPersonas.MotherOfNewborn.ResidentNumber, NotificationChannels.Sms, phone: "01099998888");

        Assert.True(sent.Succeeded, sent.Error);
        Assert.Equal("01099998888", (await factory.MessageAsync(sent.MessageIds.Single())).To);
    }

    [Fact]
    public async Task A_resident_not_in_the_registry_gets_nothing_and_the_sender_is_told()
    {
        var sent = await SendAsync("999999-1999999", NotificationChannels.Sms);

        Assert.False(sent.Succeeded);
        Assert.Empty(sent.MessageIds);
    }

    public sealed class Factory : NotificationsFactory
    {
        public Factory() => With("Nara:Seed:OnStart", "true");
    }
}
