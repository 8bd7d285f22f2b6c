using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Consent.Features.Webhooks;
using Nara.Testing;

namespace Nara.Consent.Tests;

/// <summary>Sending a delivery again on request, and rotating a webhook's secret with a grace period.</summary>
public sealed class WebhookRedeliveryTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Config = "/govstack/consent/config";

    private async Task<int> DeliverAsync()
    {
        await factory.DrainOutboxAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().DeliverDueAsync(CancellationToken.None);
    }

    private static async Task<(string Id, string Secret)> RegisterAsync(HttpClient admin, string url)
    {
        var response = await admin.PostAsJsonAsync($"{Config}/webhook/", new { payloadUrl = url, subscribedEvents = new[] { "consent.allowed" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("webhook").GetProperty("id").GetString()!, body.GetProperty("secretKey").GetString()!);
    }

    private static async Task<string> PingAsync(HttpClient admin, string hook)
    {
        var ping = await admin.PostAsync(new Uri($"{Config}/webhook/{hook}/ping/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        return (await ping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivery").GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> RedeliverAsync(HttpClient admin, string hook, string delivery) =>
        admin.PostAsync(new Uri($"{Config}/webhook/{hook}/delivery/{delivery}/redeliver/", UriKind.Relative), null);

    private static string Hmac(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static async Task<JsonElement> DeliveryAsync(HttpClient admin, string hook, string delivery) =>
        (await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhook/{hook}/deliveries/")).GetProperty("webhookDeliveries").EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == delivery);

    [Fact]
    public async Task A_failed_delivery_is_sent_again_with_the_same_body_and_a_fresh_round_of_retries_and_it_is_audited()
    {
        using var receiver = new WebhookReceiver { Status = HttpStatusCode.ServiceUnavailable };
        var admin = await factory.OfficialAsync("MOEL", "administrator");
        var (hook, secret) = await RegisterAsync(admin, receiver.Url);
        var delivery = await PingAsync(admin, hook);
        for (var attempt = 1; attempt <= DeliverWebhooks.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await DeliverAsync());
            factory.Clock.Advance(DeliverWebhooks.Backoff(attempt));
        }

        admin = await factory.OfficialAsync("MOEL", "administrator"); // hours passed: the earlier session has expired

        Assert.Equal("failed", (await DeliveryAsync(admin, hook, delivery)).GetProperty("status").GetString());
        Assert.Equal(0, await DeliverAsync()); // given up: nothing more happens by itself

        receiver.Status = HttpStatusCode.OK;
        var again = await RedeliverAsync(admin, hook, delivery);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("pending", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(1, await DeliverAsync());

        var received = receiver.Received.ToArray();
        Assert.Equal(DeliverWebhooks.MaxAttempts + 1, received.Length);
        Assert.Equal(received[0].Body, received[^1].Body); // same delivery and event ids: the receiver can drop a duplicate
        Assert.Equal(Hmac(secret, received[^1].Body), received[^1].Signature);
        var after = await DeliveryAsync(admin, hook, delivery);
        Assert.Equal("delivered", after.GetProperty("status").GetString());
        Assert.Equal(DeliverWebhooks.MaxAttempts + 1, after.GetProperty("attemptLog").GetArrayLength()); // history kept

        // A delivered delivery can be sent again too (the receiver lost it); each request is audited with the delivery.
        Assert.Equal(HttpStatusCode.Accepted, (await RedeliverAsync(admin, hook, delivery)).StatusCode);
        Assert.Equal(1, await DeliverAsync());
        await factory.DrainOutboxAsync();
        var requests = await factory.InDbAsync(db => db.OutboxMessages
            .Where(m => m.Type.Contains("ConsentWebhookChanged") && m.Payload.Contains("redelivery-requested") && m.Payload.Contains(delivery))
            .Select(m => m.Id).ToListAsync());
        Assert.Equal(2, requests.Count);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(2, (await scope.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(requests, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_pending_delivery_another_agencys_delivery_and_malformed_ids_are_refused_and_nothing_changes()
    {
        using var receiver = new WebhookReceiver();
        var admin = await factory.OfficialAsync("MOLIT", "administrator");
        var (hook, _) = await RegisterAsync(admin, receiver.Url);
        var (otherHook, _) = await RegisterAsync(admin, receiver.Url);
        var delivery = await PingAsync(admin, hook);

        Assert.Equal(HttpStatusCode.Conflict, (await RedeliverAsync(admin, hook, delivery)).StatusCode); // still on its way
        await DeliverAsync();
        var theirs = await factory.OfficialAsync("MOF", "administrator");
        Assert.Equal(HttpStatusCode.NotFound, (await RedeliverAsync(theirs, hook, delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RedeliverAsync(admin, otherHook, delivery)).StatusCode); // not that webhook's
        Assert.Equal(HttpStatusCode.NotFound, (await RedeliverAsync(admin, hook, Guid.NewGuid().ToString())).StatusCode);
        var malformed = await RedeliverAsync(admin, hook, "nope");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("deliveryId", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Disabled webhooks send nothing, not even on request.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Config}/webhook/{hook}/", new { payloadUrl = receiver.Url, subscribedEvents = new[] { "consent.allowed" }, disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RedeliverAsync(admin, hook, delivery)).StatusCode);

        var stored = await DeliveryAsync(admin, hook, delivery);
        Assert.Equal("delivered", stored.GetProperty("status").GetString());
        Assert.Equal(1, stored.GetProperty("attempts").GetInt32());
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_rotated_secret_signs_new_deliveries_and_the_old_one_signs_a_second_header_until_the_grace_period_ends()
    {
        using var receiver = new WebhookReceiver();
        var admin = await factory.OfficialAsync("MSS", "administrator");
        var (hook, oldSecret) = await RegisterAsync(admin, receiver.Url);

        var rotated = await admin.PostAsJsonAsync($"{Config}/webhook/{hook}/secret/rotate/", new { previousSecretValidForHours = 1 });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = body.GetProperty("secretKey").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal("X-ConsentBB-Signature-Previous", body.GetProperty("previousSignatureHeader").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("previousSecretExpiresAt").ValueKind);

        await PingAsync(admin, hook);
        await DeliverAsync();
        var (first, signature, _) = receiver.Received.Last();
        Assert.Equal(Hmac(newSecret, first), signature);
        Assert.Equal(Hmac(oldSecret, first), receiver.PreviousSignatures.Last());

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        admin = await factory.OfficialAsync("MSS", "administrator"); // the earlier session has expired
        await PingAsync(admin, hook);
        await DeliverAsync();
        var (second, secondSignature, _) = receiver.Received.Last();
        Assert.Equal(Hmac(newSecret, second), secondSignature);
        Assert.Null(receiver.PreviousSignatures.Last()); // the old secret no longer signs anything

        // Neither secret reaches the audit trail.
        await factory.DrainOutboxAsync();
        var events = await factory.InDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("ConsentWebhookChanged") && m.Payload.Contains(hook)).Select(m => m.Payload).ToListAsync());
        Assert.Contains(events, e => e.Contains("secret-rotated", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Contains(oldSecret, StringComparison.Ordinal) || e.Contains(newSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rotation_without_grace_cuts_the_old_secret_off_and_bad_requests_change_nothing()
    {
        using var receiver = new WebhookReceiver();
        var admin = await factory.OfficialAsync("KCC", "administrator");
        var (hook, _) = await RegisterAsync(admin, receiver.Url);
        var theirs = await factory.OfficialAsync("MOE", "administrator");

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"{Config}/webhook/{hook}/secret/rotate/", new { })).StatusCode);
        var tooLong = await admin.PostAsJsonAsync($"{Config}/webhook/{hook}/secret/rotate/", new { previousSecretValidForHours = 169 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("previousSecretValidForHours", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"{Config}/webhook/{hook}/secret/rotate/", new { previousSecretValidForHours = -1 })).StatusCode);
        var unchanged = await factory.InDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == Guid.Parse(hook)));
        Assert.Null(unchanged.PreviousSecretKey);

        // No body at all means the default grace; 0 means none.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"{Config}/webhook/{hook}/secret/rotate/", UriKind.Relative), null)).StatusCode);
        Assert.NotNull((await factory.InDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == Guid.Parse(hook)))).PreviousSecretKey);
        var cut = await admin.PostAsJsonAsync($"{Config}/webhook/{hook}/secret/rotate/", new { previousSecretValidForHours = 0 });
        var newSecret = (await cut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secretKey").GetString()!;
        await PingAsync(admin, hook);
        await DeliverAsync();
        Assert.Equal(Hmac(newSecret, receiver.Received.Last().Body), receiver.Received.Last().Signature);
        Assert.Null(receiver.PreviousSignatures.Last());
    }
}
