using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Features.Webhooks;

namespace Nara.Consent.Tests;

/// <summary>
/// The webhook API against the Consent BB's published OpenAPI (bb-consent-docs, openapi/v2023.11.1: Webhook.yaml,
/// Pagination.yaml and the config*Webhook* paths): wrapped bodies, field names, answer keys, paths and status codes.
/// </summary>
public sealed class WebhookContractTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Config = "/govstack/consent/config";

    private static readonly string[] WebhookRequired = ["payloadUrl", "contentType", "subscribedEvents", "disabled", "skipSslVerification", "timestamp"];

    private static readonly string[] PaginationFields = ["currentPage", "totalItems", "totalPages", "limit", "hasPrevious", "hasNext"];

    private static void AssertWebhook(JsonElement webhook, bool withSecret)
    {
        foreach (var field in WebhookRequired.Append("id").Append("orgId"))
        {
            Assert.True(webhook.TryGetProperty(field, out _), $"webhook.{field} is missing: {webhook}");
        }

        Assert.Equal(JsonValueKind.Array, webhook.GetProperty("subscribedEvents").ValueKind);
        Assert.False(webhook.GetProperty("skipSslVerification").GetBoolean());
        // Nara shows the secret only when it is made (creation, rotation); the specification lists it on every Webhook.
        Assert.Equal(withSecret, webhook.TryGetProperty("secretKey", out _));
    }

    private static void AssertPagination(JsonElement body)
    {
        var pagination = body.GetProperty("pagination");
        Assert.All(PaginationFields, f => Assert.True(pagination.TryGetProperty(f, out _), $"pagination.{f} is missing"));
    }

    [Fact]
    public async Task The_webhook_api_reads_and_answers_the_shapes_of_the_consent_building_block()
    {
        var admin = await factory.OfficialAsync("MOEL", "administrator");
        using var receiver = new WebhookReceiver();

        // POST /config/webhook with the specification's wrapped body; 201 {webhook} carrying the secret.
        var created = await admin.PostAsJsonAsync($"{Config}/webhook", new
        {
            webhook = new { payloadUrl = receiver.Url, contentType = "application/json", subscribedEvents = new[] { "consent.allowed", "consent.disallowed" }, disabled = false, skipSslVerification = false },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var webhook = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook");
        AssertWebhook(webhook, withSecret: true);
        Assert.Equal("MOEL", webhook.GetProperty("orgId").GetString());
        var id = webhook.GetProperty("id").GetString()!;

        // GET /config/webhook/{id}, GET /config/webhooks {webhooks, pagination}, PUT with the wrapped body.
        AssertWebhook((await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhook/{id}")).GetProperty("webhook"), withSecret: false);
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks");
        AssertWebhook(list.GetProperty("webhooks")[0], withSecret: false);
        AssertPagination(list);
        var updated = await admin.PutAsJsonAsync($"{Config}/webhook/{id}", new { webhook = new { payloadUrl = receiver.Url, contentType = "application/json", subscribedEvents = new[] { "consent.allowed" }, disabled = false } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["consent.allowed"], (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook").GetProperty("subscribedEvents").EnumerateArray().Select(e => e.GetString()));

        // GET /config/webhooks/event-types {eventTypes} has the specification's two; payload/content-types {ContentTypes}.
        var types = (await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/event-types")).GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("consent.allowed", types);
        Assert.Contains("consent.disallowed", types);
        Assert.Equal("application/json", (await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/payload/content-types")).GetProperty("ContentTypes")[0].GetString());

        // Deliveries under /config/webhooks/{id}/…: {webhookDeliveries, pagination}, {webhookDelivery: [one]}, redeliver 204.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(new Uri($"{Config}/webhook/{id}/ping", UriKind.Relative), null)).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().DeliverDueAsync(CancellationToken.None));
        }

        var deliveries = await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/{id}/deliveries");
        AssertPagination(deliveries);
        var delivery = deliveries.GetProperty("webhookDeliveries")[0].GetProperty("id").GetString();
        var one = (await admin.GetFromJsonAsync<JsonElement>($"{Config}/webhooks/{id}/delivery/{delivery}")).GetProperty("webhookDelivery");
        Assert.Equal(delivery, Assert.Single(one.EnumerateArray()).GetProperty("id").GetString());
        var redelivered = await admin.PostAsync(new Uri($"{Config}/webhooks/{id}/delivery/{delivery}/redeliver", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"{Config}/webhooks/{id}/delivery/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);

        // DELETE /config/webhook/{id}: 200 {webhook}.
        var deleted = await admin.DeleteAsync(new Uri($"{Config}/webhook/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        AssertWebhook((await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook"), withSecret: false);
    }

    [Fact]
    public async Task Asking_to_skip_tls_verification_is_refused_and_nothing_is_stored()
    {
        var admin = await factory.OfficialAsync("NTS", "administrator");
        var refused = await admin.PostAsJsonAsync($"{Config}/webhook/", new
        {
            webhook = new { payloadUrl = "https://hooks.nts.go.kr/consent", contentType = "application/json", subscribedEvents = new[] { "consent.allowed" }, disabled = false, skipSslVerification = true },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("skipSslVerification", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Webhooks, w => w.OrganisationId == "NTS")));
    }
}
