using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Domain;
using Nara.Testing;

namespace Nara.Notifications.Tests;

public class PreferencesTests(CitizenFactory factory) : IClassFixture<CitizenFactory>
{
    [Fact]
    public async Task The_channels_a_citizen_chooses_for_a_kind_are_the_ones_used()
    {
        var (account, client) = await factory.CitizenAsync();
        var saved = await SaveAsync(client, new() { [NotificationKinds.Benefits] = [NotificationChannels.Email] });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var benefits = await SendWithEmailAsync(account, NotificationKinds.Benefits);
        var general = await SendWithEmailAsync(account, NotificationKinds.General);

        Assert.Equal([NotificationChannels.Email], await ChannelsAsync(benefits));
        Assert.Equal([NotificationChannels.Email, NotificationChannels.Inbox], await ChannelsAsync(general));
        var page = await client.GetStringAsync(new Uri("/settings/notifications", UriKind.Relative));
        Assert.Contains("id=\"ch-benefits-email\" name=\"channels.benefits\" value=\"email\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ch-benefits-inbox\" name=\"channels.benefits\" value=\"inbox\" checked", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_hours_delay_a_benefit_message_but_not_a_security_code()
    {
        // Quiet from the start of this hour in Korea for three hours (the clock may have moved in other tests).
        var korea = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9));
        var start = new DateTimeOffset(korea.Year, korea.Month, korea.Day, korea.Hour, 0, 0, korea.Offset);
        var (account, client) = await factory.CitizenAsync();
        await SaveAsync(client, [], quiet: (start.ToString("HH:mm", CultureInfo.InvariantCulture), start.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture)));

        var benefit = await factory.SendToAsync(account, NotificationKinds.Benefits, "혜택");
        var code = await factory.SendToAsync(account, NotificationKinds.Security, "보안 코드");
        await factory.DispatchAllAsync();

        var waiting = await factory.MessageAsync(benefit.MessageIds.Single());
        Assert.Equal(MessageStatus.Created, waiting.Status);
        Assert.Equal(start.AddHours(3), waiting.NextAttemptAt);
        Assert.Equal(MessageStatus.Delivered, (await factory.MessageAsync(code.MessageIds.Single())).Status);

        factory.Clock.SetUtcNow(waiting.NextAttemptAt);
        await factory.DispatchAllAsync();
        Assert.Equal(MessageStatus.Delivered, (await factory.MessageAsync(benefit.MessageIds.Single())).Status);
    }

    [Fact]
    public async Task A_critical_disaster_alert_ignores_an_opt_out_and_quiet_hours_but_a_minor_one_does_not_go_out()
    {
        var (account, client) = await factory.CitizenAsync();
        var hour = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).Hour;
        await SaveAsync(client, new() { [NotificationKinds.DisasterAlerts] = [] }, quiet: ($"{hour:00}:00", $"{(hour + 2) % 24:00}:00"));

        var critical = await factory.SendToAsync(account, NotificationKinds.DisasterAlerts, "호우 경보", NotificationSeverities.Critical);
        var minor = await factory.SendToAsync(account, NotificationKinds.DisasterAlerts, "호우 주의보", NotificationSeverities.Minor);
        await factory.DispatchAllAsync();

        Assert.True(critical.Succeeded, critical.Error);
        var alert = await factory.MessageAsync(critical.MessageIds.Single());
        Assert.Equal(MessageStatus.Delivered, alert.Status);
        Assert.True(minor.Succeeded, minor.Error);
        Assert.Empty(minor.MessageIds);
    }

    [Fact]
    public async Task A_minor_disaster_alert_to_a_citizen_who_did_not_opt_out_goes_out_during_quiet_hours()
    {
        // Quiet from the start of this hour in Korea for three hours (the clock may have moved in other tests).
        var korea = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9));
        var start = new DateTimeOffset(korea.Year, korea.Month, korea.Day, korea.Hour, 0, 0, korea.Offset);
        var (account, client) = await factory.CitizenAsync();
        await SaveAsync(client, [], quiet: (start.ToString("HH:mm", CultureInfo.InvariantCulture), start.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture)));

        var minor = await factory.SendToAsync(account, NotificationKinds.DisasterAlerts, "호우 주의보", NotificationSeverities.Minor);
        var benefit = await factory.SendToAsync(account, NotificationKinds.Benefits, "혜택");
        await factory.DispatchAllAsync();

        Assert.True(minor.Succeeded, minor.Error);
        var alert = await factory.MessageAsync(minor.MessageIds.Single());
        Assert.Equal(MessageStatus.Delivered, alert.Status);
        Assert.True(alert.NextAttemptAt <= factory.Clock.GetUtcNow());
        // The same quiet hours do hold back a message of another kind, so they were in force.
        Assert.Equal(MessageStatus.Created, (await factory.MessageAsync(benefit.MessageIds.Single())).Status);
    }

    [Fact]
    public async Task A_bulk_send_marked_critical_reaches_a_citizen_who_opted_out_and_a_minor_one_does_not()
    {
        var (account, client) = await factory.CitizenAsync();
        await SaveAsync(client, new() { [NotificationKinds.DisasterAlerts] = [] });
        var agency = await factory.AgencyClientAsync("MOIS");

        async Task<HttpResponseMessage> BulkAsync(string severity)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/notifications/bulk?templateId=govstack.email&kind=disaster-alerts&severity={severity}")
            {
                Content = JsonContent.Create(new[] { new { accountId = account, personalisation = new Dictionary<string, string> { ["title"] = "대피", ["content"] = $"{severity} 대피하세요" } } }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return await agency.SendAsync(request);
        }

        var critical = await BulkAsync(NotificationSeverities.Critical);
        Assert.True(critical.IsSuccessStatusCode, await critical.Content.ReadAsStringAsync());
        var minor = await BulkAsync(NotificationSeverities.Minor);
        Assert.True(minor.IsSuccessStatusCode, await minor.Content.ReadAsStringAsync());
        var bad = await BulkAsync("apocalyptic");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var bodies = await factory.InDbAsync(db => db.Messages.Where(m => m.AccountId == account).Select(m => m.Body).ToListAsync());
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.Contains("critical 대피하세요", b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Security_messages_cannot_be_switched_off()
    {
        var (account, client) = await factory.CitizenAsync();

        var response = await SaveAsync(client, new() { [NotificationKinds.Security] = [] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("보안 알림은 끌 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.InDbAsync(db => db.Preferences.AnyAsync(p => p.AccountId == account)));
        var code = await factory.SendToAsync(account, NotificationKinds.Security, "코드");
        Assert.Single(code.MessageIds);
    }

    [Fact]
    public async Task The_language_chosen_is_used_for_messages()
    {
        var (account, client) = await factory.CitizenAsync();
        await SaveAsync(client, [], language: "en");

        var sent = await factory.SendToAsync(account, NotificationKinds.General);

        Assert.Equal("en", (await factory.MessageAsync(sent.MessageIds.Single())).Language);
    }

    [Fact]
    public async Task A_preference_change_is_audited_with_kinds_and_channels_but_no_contact_details()
    {
        var (account, client) = await factory.CitizenAsync();
        // Nara knows how to reach this citizen (an email address, a push device) before the change.
        const string email = "prefs-audit@example.kr";
        await SendWithEmailAsync(account, NotificationKinds.Benefits, email);
        using var browser = new BrowserPushKeys();
        var endpoint = factory.Push.Endpoint($"prefs-audit-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Created, (await CitizenFactory.SubscribeAsync(client, endpoint, browser)).StatusCode);
        await SaveAsync(client, new() { [NotificationKinds.Benefits] = [NotificationChannels.Inbox, NotificationChannels.Email, NotificationChannels.Push] }, quiet: ("22:00", "07:00"));
        await factory.DrainOutboxAsync();

        var auditor = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        var log = await auditor.GetStringAsync(new Uri($"/officials/audit?actor={account}", UriKind.Relative));

        Assert.Contains("notifications.preferences", log, StringComparison.Ordinal);
        var entry = Assert.Single(await factory.AuditEntriesAsync(account), e => e.Action == "notifications.preferences");
        Assert.Contains(NotificationKinds.Benefits, entry.Detail, StringComparison.Ordinal);
        Assert.Contains("22:00", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(email, entry.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("prefs-audit", entry.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(factory.Push.BaseAddress.Authority, entry.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(browser.P256dh, entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Auth, entry.Detail, StringComparison.Ordinal);
    }

    private Task<NotificationSendResult> SendWithEmailAsync(Guid account, string kind, string email = "citizen@example.kr") =>
        factory.SendToAsync(account, kind, email: email);

    private Task<List<string>> ChannelsAsync(NotificationSendResult result) =>
        factory.InDbAsync(db => db.Messages.Where(m => result.MessageIds.Contains(m.Id)).Select(m => m.Channel).OrderBy(c => c).ToListAsync());

    /// <summary>Posts the settings form: kinds not named keep the default channels (inbox, email, SMS).</summary>
    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, Dictionary<string, string[]> channels, (string Start, string End)? quiet = null, string language = "ko")
    {
        List<KeyValuePair<string, string>> fields = [new("language", language)];
        foreach (var kind in NotificationKinds.All)
        {
            var chosen = channels.TryGetValue(kind, out var c) ? c : [NotificationChannels.Inbox, NotificationChannels.Email, NotificationChannels.Sms];
            fields.AddRange(chosen.Select(ch => new KeyValuePair<string, string>($"channels.{kind}", ch)));
        }

        if (quiet is { } q)
        {
            fields.AddRange([new("quiet", "on"), new("quietStart", q.Start), new("quietEnd", q.End)]);
        }

        return CitizenFactory.PostFormAsync(client, "/settings/notifications", "/settings/notifications", fields);
    }
}
