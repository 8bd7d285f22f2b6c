using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Consent.Features;
using Nara.Consent.Features.Webhooks;
using Nara.Kernel.Http;
using static Nara.Consent.Api.WebhookShapes;

namespace Nara.Consent.Api;

/// <summary>
/// GovStack Consent BB config/webhook*: an agency administrator registers where its systems hear about consent
/// given, withdrawn or forgotten and agreement changes; sees its own webhooks only (the platform agency sees all).
/// The page /officials/consent/webhooks calls the same use cases.
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ConsentModule.Prefix + "/config").WithTags("GovStack Consent: webhooks")
            .RequireAuthorization(ConsentPolicies.Administrator).DisableAntiforgery();
        api.MapGet("/webhooks/event-types/", () => Results.Ok(new { eventTypes = WebhookEvents.All }));
        // The Consent BB spells this key "ContentTypes"; the camel-case key Nara served first stays.
        // A dictionary, because the web serializer would camel-case a property named ContentTypes into a clash.
        api.MapGet("/webhooks/payload/content-types/", () => Results.Ok(new Dictionary<string, string[]>
        {
            ["ContentTypes"] = [WebhookEvents.JsonContentType], ["contentTypes"] = [WebhookEvents.JsonContentType],
        }));
        api.MapPost("/webhook/", CreateAsync);
        api.MapGet("/webhook/{webhookId}/", ReadAsync);
        api.MapPut("/webhook/{webhookId}/", UpdateAsync);
        api.MapDelete("/webhook/{webhookId}/", DeleteAsync);
        api.MapGet("/webhooks/", ListAsync);
        api.MapPost("/webhook/{webhookId}/ping/", PingAsync);
        // The Consent BB's delivery paths are under "webhooks/"; Nara's first ones under "webhook/" stay.
        api.MapGet("/webhooks/{webhookId}/deliveries/", DeliveriesAsync);
        api.MapGet("/webhook/{webhookId}/deliveries/", DeliveriesAsync);
        api.MapGet("/webhooks/{webhookId}/delivery/{deliveryId}/", DeliveryAsync);
        api.MapPost("/webhooks/{webhookId}/delivery/{deliveryId}/redeliver/", (string webhookId, string deliveryId, ClaimsPrincipal user, RedeliverWebhook redeliver, IOptions<ConsentOptions> o, CancellationToken ct) =>
            RedeliverAsync(webhookId, deliveryId, user, redeliver, o, specAnswer: true, ct));
        api.MapPost("/webhook/{webhookId}/delivery/{deliveryId}/redeliver/", (string webhookId, string deliveryId, ClaimsPrincipal user, RedeliverWebhook redeliver, IOptions<ConsentOptions> o, CancellationToken ct) =>
            RedeliverAsync(webhookId, deliveryId, user, redeliver, o, specAnswer: false, ct));
        api.MapPost("/webhook/{webhookId}/secret/rotate/", RotateSecretAsync);
    }

    private static string? Scope(ClaimsPrincipal user, IOptions<ConsentOptions> options) => Callers.AdministeredAgency(user, options.Value.PlatformAgency);

    private static async Task<IResult> CreateAsync(WebhookBody? body, ClaimsPrincipal user, SaveWebhook save, CancellationToken ct)
    {
        var outcome = await save.CreateAsync(WebhookBody.Input(body), Callers.Actor(user), ct);
        return outcome.Status == OutcomeStatus.Ok
            ? Results.Created($"{ConsentModule.Prefix}/config/webhook/{outcome.Value!.Id}/", new
            {
                // The only time the secret is shown: inside the webhook, as the Consent BB has it, and beside it as before.
                webhook = Webhook(outcome.Value, outcome.Value.SecretKey),
                secretKey = outcome.Value.SecretKey,
                signatureHeader = WebhookEvents.SignatureHeader,
            })
            : ApiResults.From(outcome, w => w);
    }

    private static async Task<IResult> ReadAsync(string webhookId, ClaimsPrincipal user, SaveWebhook save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(webhookId, "webhookId", out var id, out var error) ? error!
            : await save.FindAsync(id, Scope(user, o), ct) is { } hook ? Results.Ok(new { webhook = Webhook(hook) })
            : Problems.NotFound($"No webhook {id}.");

    private static async Task<IResult> UpdateAsync(string webhookId, WebhookBody? body, ClaimsPrincipal user, SaveWebhook save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(webhookId, "webhookId", out var id, out var error) ? error!
            : ApiResults.From(await save.UpdateAsync(id, WebhookBody.Input(body), Callers.Actor(user), Scope(user, o), ct), w => new { webhook = Webhook(w) });

    private static async Task<IResult> DeleteAsync(string webhookId, ClaimsPrincipal user, SaveWebhook save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(webhookId, "webhookId", out var id, out var error) ? error!
            : ApiResults.From(await save.DeleteAsync(id, Callers.Actor(user), Scope(user, o), ct), w => new { webhook = Webhook(w) });

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, WebhookQueries queries, IOptions<ConsentOptions> o, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var list = await queries.ListAsync(Scope(user, o), page.Offset, page.Limit, ct);
        return Results.Ok(new { webhooks = list.Items.Select(i => Webhook(i.Webhook)), pagination = ApiResults.Pagination(page.Offset, page.Limit, list.Total) });
    }

    /// <summary>Queues a test event for the worker to send, like any other delivery; answers with the queued delivery.</summary>
    private static async Task<IResult> PingAsync(string webhookId, ClaimsPrincipal user, PingWebhook ping, IOptions<ConsentOptions> o, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var id, out var error))
        {
            return error!;
        }

        var outcome = await ping.ExecuteAsync(id, Scope(user, o), ct);
        return outcome.Status == OutcomeStatus.Ok
            ? Results.Accepted($"{ConsentModule.Prefix}/config/webhooks/{id}/deliveries/", new { delivery = Delivery(outcome.Value!) })
            : ApiResults.From(outcome, d => d);
    }

    /// <summary>
    /// The Consent BB path answers 204 without a body, as the specification has it; Nara's first path answers 202
    /// with the delivery, now pending again.
    /// </summary>
    private static async Task<IResult> RedeliverAsync(string webhookId, string deliveryId, ClaimsPrincipal user, RedeliverWebhook redeliver, IOptions<ConsentOptions> o, bool specAnswer, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var hook, out var error) || !ApiResults.TryId(deliveryId, "deliveryId", out var delivery, out error))
        {
            return error!;
        }

        var outcome = await redeliver.ExecuteAsync(hook, delivery, Callers.Actor(user), Scope(user, o), ct);
        return outcome.Status != OutcomeStatus.Ok ? ApiResults.From(outcome, d => d)
            : specAnswer ? Results.NoContent()
            : Results.Accepted($"{ConsentModule.Prefix}/config/webhooks/{hook}/deliveries/", new { delivery = Delivery(outcome.Value!) });
    }

    /// <summary>Body (optional): <c>{"previousSecretValidForHours": 0..168}</c>, default 24.</summary>
    private static async Task<IResult> RotateSecretAsync(string webhookId, RotateSecretInput? body, ClaimsPrincipal user, RotateWebhookSecret rotate, IOptions<ConsentOptions> o, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var id, out var error))
        {
            return error!;
        }

        return ApiResults.From(await rotate.ExecuteAsync(id, body?.PreviousSecretValidForHours, Callers.Actor(user), Scope(user, o), ct), w => new
        {
            // The only time the new secret is shown.
            webhook = Webhook(w, w.SecretKey),
            secretKey = w.SecretKey,
            signatureHeader = WebhookEvents.SignatureHeader,
            previousSignatureHeader = w.PreviousSecretKey is null ? null : WebhookEvents.PreviousSignatureHeader,
            previousSecretExpiresAt = w.PreviousSecretExpiresAt is { } until ? ConsentSnapshot.Time(until) : null,
        });
    }

    internal sealed record RotateSecretInput(int? PreviousSecretValidForHours);

    /// <summary>Recent deliveries, newest first, each with every attempt (time, status code or error, duration): <c>webhookDeliveries</c> as in the Consent BB.</summary>
    private static async Task<IResult> DeliveriesAsync(string webhookId, ClaimsPrincipal user, WebhookQueries queries, IOptions<ConsentOptions> o, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var id, out var error) || !ApiResults.TryPage(offset, limit, out var page, out error))
        {
            return error!;
        }

        return await queries.DeliveriesAsync(id, Scope(user, o), page.Offset, page.Limit, ct) is { } list
            ? Results.Ok(new { webhookDeliveries = list.Items.Select(Delivery), pagination = ApiResults.Pagination(page.Offset, page.Limit, list.Total) })
            : Problems.NotFound($"No webhook {id}.");
    }

    /// <summary>One delivery; the Consent BB answers it as a one-element <c>webhookDelivery</c> array.</summary>
    private static async Task<IResult> DeliveryAsync(string webhookId, string deliveryId, ClaimsPrincipal user, WebhookQueries queries, IOptions<ConsentOptions> o, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var hook, out var error) || !ApiResults.TryId(deliveryId, "deliveryId", out var id, out error))
        {
            return error!;
        }

        return await queries.DeliveryAsync(hook, id, Scope(user, o), ct) is { } delivery
            ? Results.Ok(new { webhookDelivery = new[] { Delivery(delivery) } })
            : Problems.NotFound($"Webhook {hook} has no delivery {id}.");
    }
}
