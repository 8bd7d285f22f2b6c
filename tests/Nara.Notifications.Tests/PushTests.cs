using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Domain;
using Nara.Testing;

namespace Nara.Notifications.Tests;

public class PushTests(CitizenFactory factory) : IClassFixture<CitizenFactory>
{
    [Fact]
    public async Task A_push_message_reaches_the_device_encrypted_for_it_with_a_VAPID_authorization()
    {
        var (account, client) = await factory.CitizenAsync();
        using var browser = new BrowserPushKeys();
        var device = $"ok-{Guid.NewGuid():N}";
        var subscribed = await CitizenFactory.SubscribeAsync(client, factory.Push.Endpoint(device), browser);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);

        var sent = await factory.SendToAsync(account, NotificationKinds.Benefits, "푸시 안내", channel: NotificationChannels.Push);
        await factory.DispatchAllAsync();

        Assert.True(sent.Succeeded, sent.Error);
        Assert.Equal(MessageStatus.Delivered, (await factory.MessageAsync(sent.MessageIds.Single())).Status);
        var delivery = Assert.Single(factory.Push.Deliveries, d => d.Device == device);
        Assert.Equal("aes128gcm", delivery.ContentEncoding);
        Assert.NotNull(delivery.Ttl);
        var publicKey = (await client.GetFromJsonAsync<JsonElement>("/api/notifications/push/public-key")).GetProperty("publicKey").GetString();
        AssertVapid(delivery.Authorization, publicKey!, factory.Push.BaseAddress);
        using var payload = JsonDocument.Parse(browser.Decrypt(delivery.Body));
        Assert.Equal("푸시 안내", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("/inbox", payload.RootElement.GetProperty("url").GetString());
        var stored = await factory.InDbAsync(db => db.PushDevices.AsNoTracking().SingleAsync(d => d.AccountId == account));
        Assert.NotNull(stored.LastSuccessAt);
        Assert.Equal("Chrome, Windows", stored.Label);
    }

    [Fact]
    public async Task A_subscription_the_push_service_says_is_gone_is_removed_and_the_message_fails_permanently()
    {
        var (account, client) = await factory.CitizenAsync();
        using var browser = new BrowserPushKeys();
        var device = $"gone-{Guid.NewGuid():N}";
        factory.Push.Statuses[device] = StatusCodes.Status410Gone;
        await CitizenFactory.SubscribeAsync(client, factory.Push.Endpoint(device), browser);

        var sent = await factory.SendToAsync(account, NotificationKinds.General, channel: NotificationChannels.Push);
        await factory.DispatchAllAsync();

        Assert.Equal(MessageStatus.PermanentFailure, (await factory.MessageAsync(sent.MessageIds.Single())).Status);
        Assert.False(await factory.InDbAsync(db => db.PushDevices.AnyAsync(d => d.AccountId == account)));
    }

    [Fact]
    public async Task Push_goes_out_for_a_kind_once_the_citizen_chooses_it_and_has_a_device()
    {
        var (account, client) = await factory.CitizenAsync();
        using var browser = new BrowserPushKeys();
        var device = $"pref-{Guid.NewGuid():N}";
        await CitizenFactory.SubscribeAsync(client, factory.Push.Endpoint(device), browser);
        List<KeyValuePair<string, string>> form = [new("language", "ko"), new("channels.security", "inbox"), new("channels.due-dates", "push")];

        var saved = await CitizenFactory.PostFormAsync(client, "/settings/notifications", "/settings/notifications", form);
        var sent = await factory.SendToAsync(account, NotificationKinds.DueDates, "납부 기한");
        await factory.DispatchAllAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var message = await factory.MessageAsync(sent.MessageIds.Single());
        Assert.Equal(NotificationChannels.Push, message.Channel);
        Assert.Single(factory.Push.Deliveries, d => d.Device == device);
    }

    [Fact]
    public async Task Subscribing_needs_a_signed_in_citizen_an_antiforgery_token_and_a_known_push_service()
    {
        var (_, client) = await factory.CitizenAsync();
        using var browser = new BrowserPushKeys();
        var anonymous = factory.CreateClient();
        using var body = JsonContent.Create(new { endpoint = factory.Push.Endpoint("x"), keys = new { p256dh = browser.P256dh, auth = browser.Auth } });

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/api/notifications/push/subscriptions", UriKind.Relative), body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/api/notifications/push/subscriptions", UriKind.Relative), body)).StatusCode);
        var elsewhere = await CitizenFactory.SubscribeAsync(client, "https://internal.example/admin", browser);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("endpoint", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_are_listed_on_the_settings_page_and_removed_there_by_their_owner_only()
    {
        var (account, client) = await factory.CitizenAsync();
        var (_, other) = await factory.CitizenAsync("박타인");
        using var browser = new BrowserPushKeys();
        var created = await (await CitizenFactory.SubscribeAsync(client, factory.Push.Endpoint($"list-{Guid.NewGuid():N}"), browser)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        Assert.Contains("Chrome, Windows", await client.GetStringAsync(new Uri("/settings/notifications", UriKind.Relative)), StringComparison.Ordinal);
        var refused = await CitizenFactory.PostFormAsync(other, "/settings/notifications", "/settings/notifications?handler=RemoveDevice", [new("deviceId", id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var removed = await CitizenFactory.PostFormAsync(client, "/settings/notifications", "/settings/notifications?handler=RemoveDevice", [new("deviceId", id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.InDbAsync(db => db.PushDevices.AnyAsync(d => d.AccountId == account)));
    }

    [Fact]
    public async Task Adding_and_removing_a_device_are_audited_by_device_id_and_label_without_the_endpoint_or_keys()
    {
        var (account, client) = await factory.CitizenAsync();
        using var browser = new BrowserPushKeys();
        var endpoint = factory.Push.Endpoint($"audited-{Guid.NewGuid():N}");
        var id = (await (await CitizenFactory.SubscribeAsync(client, endpoint, browser)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await factory.DrainOutboxAsync();
        var afterAdding = await factory.AuditEntriesAsync(account);
        var removed = await CitizenFactory.PostFormAsync(client, "/settings/notifications", "/settings/notifications?handler=RemoveDevice", [new("deviceId", id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await factory.DrainOutboxAsync();

        Assert.Equal(["notifications.push-device-added"], afterAdding.Select(e => e.Action));
        var entries = await factory.AuditEntriesAsync(account);
        Assert.Equal(["notifications.push-device-added", "notifications.push-device-removed"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Contains(id.ToString("D"), e.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Chrome, Windows", e.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(endpoint, e.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("audited-", e.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(browser.P256dh, e.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(browser.Auth, e.Detail, StringComparison.Ordinal);
        });
    }

    /// <summary>RFC 8292: "vapid t=&lt;ES256 JWT for the push service's origin&gt;, k=&lt;public key&gt;".</summary>
    private static void AssertVapid(string? authorization, string publicKey, Uri pushService)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("vapid t=", authorization, StringComparison.Ordinal);
        var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries).ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(publicKey, parts["k"]);
        var jwt = parts["t"].Split('.');
        Assert.Equal(3, jwt.Length);
        using var header = JsonDocument.Parse(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(jwt[0]));
        using var claims = JsonDocument.Parse(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(jwt[1]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        // The library writes the origin without a port; real push services are on 443, where that is the origin.
        Assert.Equal($"{pushService.Scheme}://{pushService.Host}", claims.RootElement.GetProperty("aud").GetString());
        Assert.StartsWith("mailto:", claims.RootElement.GetProperty("sub").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(jwt[2]).Length);
    }
}
