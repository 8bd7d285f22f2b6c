using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Consent.Features.Webhooks;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Consent.Tests;

public sealed class WebhookTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Config = "/govstack/consent/config";
    private const string Service = "/govstack/consent/service";

    private async Task<int> DeliverAsync()
    {
        await factory.DrainOutboxAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().DeliverDueAsync(CancellationToken.None);
    }

    private static async Task<(string Id, string Secret)> RegisterAsync(HttpClient admin, string url, params string[] events)
    {
        var response = await admin.PostAsJsonAsync($"{Config}/webhook/", new { payloadUrl = url, subscribedEvents = events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("webhook").GetProperty("id").GetString()!, body.GetProperty("secretKey").GetString()!);
    }

    private static string Hmac(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task An_agency_receives_signed_events_when_a_citizen_gives_and_withdraws_consent()
    {
        using var receiver = new WebhookReceiver();
        var admin = await factory.OfficialAsync("MOEL", "administrator");
        var (hook, secret) = await RegisterAsync(admin, receiver.Url, "consent.allowed", "consent.disallowed");
        var agreement = await factory.CreateAgreementAsync(admin, ConsentFactory.Agreement(controller: "MOEL", recipients: ["MOEL"]));
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.YoungJobseeker);

        var given = await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        var record = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentRecord").GetProperty("id").GetString()!;
        Assert.Empty(receiver.Received); // never inside the request
        Assert.Equal(1, await DeliverAsync());
        await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{record}/", new { optIn = false });
        Assert.Equal(1, await DeliverAsync());

        var received = receiver.Received.ToArray();
        Assert.Equal(["consent.allowed", "consent.disallowed"], received.Select(r => r.Event));
        foreach (var (body, signature, _) in received)
        {
            Assert.Equal(Hmac(secret, body), signature);
            var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
            Assert.Equal(record, data.GetProperty("consentRecordId").GetString());
            Assert.Equal(individual, data.GetProperty("individualId").GetString());
        }

        var deliveries = await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhook/{hook}/deliveries/");
        Assert.All(deliveries.GetProperty("webhookDeliveries").EnumerateArray(), d =>
        {
            Assert.Equal("delivered", d.GetProperty("status").GetString());
            Assert.Equal(204, d.GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32());
        });
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_and_every_attempt_is_visible()
    {
        using var receiver = new WebhookReceiver { Status = HttpStatusCode.InternalServerError };
        var admin = await factory.OfficialAsync("MOE", "administrator");
        var (hook, _) = await RegisterAsync(admin, receiver.Url, "consent.allowed");
        var agreement = await factory.CreateAgreementAsync(admin, ConsentFactory.Agreement(controller: "MOE", recipients: ["MOE"]));
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);

        Assert.Equal(1, await DeliverAsync());
        Assert.Equal(0, await DeliverAsync()); // not due again until the back-off has passed
        receiver.Status = HttpStatusCode.OK;
        factory.Clock.Advance(DeliverWebhooks.Backoff(1));
        Assert.Equal(1, await DeliverAsync());

        Assert.Equal(2, receiver.Received.Count);
        var delivery = (await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhook/{hook}/deliveries/")).GetProperty("webhookDeliveries")[0];
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        var log = delivery.GetProperty("attemptLog");
        Assert.Equal(500, log[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(200, log[1].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task An_agency_sees_and_changes_only_its_own_webhooks()
    {
        var mine = await factory.OfficialAsync("MOLIT", "administrator");
        var theirs = await factory.OfficialAsync("MOF", "administrator");
        var (hook, _) = await RegisterAsync(mine, "https://hooks.molit.go.kr/consent", "data-agreement.changed");

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(new Uri($"{Config}/webhook/{hook}/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync(new Uri($"{Config}/webhook/{hook}/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"{Config}/webhook/{hook}/", new { payloadUrl = "https://evil.example/x", subscribedEvents = new[] { "consent.allowed" } })).StatusCode);
        Assert.DoesNotContain((await theirs.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/")).GetProperty("webhooks").EnumerateArray(), w => w.GetProperty("id").GetString() == hook);
        var list = (await mine.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/")).GetProperty("webhooks");
        Assert.All(list.EnumerateArray(), w => Assert.Equal("MOLIT", w.GetProperty("organisationId").GetString()));
        Assert.False(list[0].TryGetProperty("secretKey", out _)); // shown once, at creation

        var updated = await mine.PutAsJsonAsync($"{Config}/webhook/{hook}/", new { payloadUrl = "https://hooks.molit.go.kr/v2", subscribedEvents = new[] { "consent.forgotten" }, disabled = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.DeleteAsync(new Uri($"{Config}/webhook/{hook}/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync(new Uri($"{Config}/webhook/{hook}/", UriKind.Relative))).StatusCode);

        // Each change went out through the outbox (created, updated, deleted) and Audit recorded every one.
        await factory.DrainOutboxAsync();
        var changes = await factory.InDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("ConsentWebhookChanged") && m.Payload.Contains(hook)).Select(m => m.Id).ToListAsync());
        Assert.Equal(3, changes.Count);
        await using var scope = factory.Services.CreateAsyncScope();
        var receipts = await scope.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(changes, CancellationToken.None);
        Assert.Equal(3, receipts.Count);
    }

    [Theory]
    [InlineData("http://hooks.example.go.kr/consent", "payloadUrl")]
    [InlineData("ftp://127.0.0.1/x", "payloadUrl")]
    [InlineData("https://user:pw@hooks.example.go.kr/", "payloadUrl")]
    [InlineData("not a url", "payloadUrl")]
    public async Task A_webhook_url_that_is_not_https_is_refused_and_nothing_is_stored(string url, string field)
    {
        var admin = await factory.OfficialAsync("KCC", "administrator");
        var response = await admin.PostAsJsonAsync($"{Config}/webhook/", new { payloadUrl = url, subscribedEvents = new[] { "consent.allowed" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => db.Webhooks.CountAsync(w => w.OrganisationId == "KCC")));
    }

    [Fact]
    public async Task Unknown_event_types_and_missing_bodies_are_refused_and_the_spec_lists_are_served()
    {
        var admin = await factory.OfficialAsync("KCC", "administrator");
        var unknown = await admin.PostAsJsonAsync($"{Config}/webhook/", new { payloadUrl = "https://hooks.kcc.go.kr/", subscribedEvents = new[] { "consent.sold" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var empty = await admin.PostAsync(new Uri($"{Config}/webhook/", UriKind.Relative), JsonContent.Create<object?>(null));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"{Config}/webhook/nope/", UriKind.Relative))).StatusCode);

        var types = await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/event-types/");
        Assert.Contains(types.GetProperty("eventTypes").EnumerateArray(), t => t.GetString() == "consent.disallowed");
        var contentTypes = await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/payload/content-types/");
        Assert.Equal("application/json", contentTypes.GetProperty("contentTypes")[0].GetString());
    }

    [Fact]
    public async Task A_ping_is_queued_and_sent_by_the_worker()
    {
        using var receiver = new WebhookReceiver();
        var admin = await factory.OfficialAsync("MSS", "administrator");
        var (hook, secret) = await RegisterAsync(admin, receiver.Url, "consent.allowed");

        var ping = await admin.PostAsync(new Uri($"{Config}/webhook/{hook}/ping/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        Assert.Empty(receiver.Received);
        await DeliverAsync();
        var (body, signature, type) = Assert.Single(receiver.Received);
        Assert.Equal("webhook.ping", type);
        Assert.Equal(Hmac(secret, body), signature);
    }
}
