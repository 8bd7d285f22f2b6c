using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Consent.Data;
using Nara.Consent.Domain;
using Nara.Consent.Features;
using Nara.Consent.Features.Webhooks;
using Nara.Kernel.Http;

namespace Nara.Consent.Api;

/// <summary>
/// GovStack Consent BB config/webhook*: an agency administrator registers where its systems hear about consent
/// given, withdrawn or forgotten and agreement changes; sees its own webhooks only (the platform agency sees all).
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ConsentModule.Prefix + "/config").WithTags("GovStack Consent: webhooks")
            .RequireAuthorization(ConsentPolicies.Administrator).DisableAntiforgery();
        api.MapGet("/webhooks/event-types/", () => Results.Ok(new { eventTypes = WebhookEvents.All }));
        api.MapGet("/webhooks/payload/content-types/", () => Results.Ok(new { contentTypes = new[] { WebhookEvents.JsonContentType } }));
        api.MapPost("/webhook/", CreateAsync);
        api.MapGet("/webhook/{webhookId}/", ReadAsync);
        api.MapPut("/webhook/{webhookId}/", UpdateAsync);
        api.MapDelete("/webhook/{webhookId}/", DeleteAsync);
        api.MapGet("/webhooks/", ListAsync);
        api.MapPost("/webhook/{webhookId}/ping/", PingAsync);
        api.MapGet("/webhook/{webhookId}/deliveries/", DeliveriesAsync);
        api.MapPost("/webhook/{webhookId}/delivery/{deliveryId}/redeliver/", RedeliverAsync);
        api.MapPost("/webhook/{webhookId}/secret/rotate/", RotateSecretAsync);
    }

    private static string? Scope(ClaimsPrincipal user, IOptions<ConsentOptions> options) => Callers.AdministeredAgency(user, options.Value.PlatformAgency);

    private static async Task<IResult> CreateAsync(WebhookInput? body, ClaimsPrincipal user, SaveWebhook save, CancellationToken ct)
    {
        var outcome = await save.CreateAsync(body, Callers.Actor(user), ct);
        return outcome.Status == OutcomeStatus.Ok
            ? Results.Created($"{ConsentModule.Prefix}/config/webhook/{outcome.Value!.Id}/", new
            {
                webhook = Shape(outcome.Value),
                // The only time the secret is shown: keep it to check the signature header of every delivery.
                secretKey = outcome.Value.SecretKey,
                signatureHeader = WebhookEvents.SignatureHeader,
            })
            : ApiResults.From(outcome, w => w);
    }

    private static async Task<IResult> ReadAsync(string webhookId, ClaimsPrincipal user, SaveWebhook save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(webhookId, "webhookId", out var id, out var error) ? error!
            : await save.FindAsync(id, Scope(user, o), ct) is { } hook ? Results.Ok(new { webhook = Shape(hook) })
            : Problems.NotFound($"No webhook {id}.");

    private static async Task<IResult> UpdateAsync(string webhookId, WebhookInput? body, ClaimsPrincipal user, SaveWebhook save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(webhookId, "webhookId", out var id, out var error) ? error!
            : ApiResults.From(await save.UpdateAsync(id, body, Callers.Actor(user), Scope(user, o), ct), w => new { webhook = Shape(w) });

    private static async Task<IResult> DeleteAsync(string webhookId, ClaimsPrincipal user, SaveWebhook save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(webhookId, "webhookId", out var id, out var error) ? error!
            : ApiResults.From(await save.DeleteAsync(id, Callers.Actor(user), Scope(user, o), ct), w => new { webhook = Shape(w) });

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ConsentDbContext db, IOptions<ConsentOptions> o, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var scope = Scope(user, o);
        var query = db.Webhooks.AsNoTracking().Where(w => !w.Deleted && (scope == null || w.OrganisationId == scope));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return Results.Ok(new { webhooks = items.Select(Shape), pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    /// <summary>Queues a test event for the worker to send, like any other delivery; answers with the queued delivery.</summary>
    private static async Task<IResult> PingAsync(string webhookId, ClaimsPrincipal user, SaveWebhook save, ConsentDbContext db, TimeProvider clock, IOptions<ConsentOptions> o, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var id, out var error))
        {
            return error!;
        }

        if (await save.FindAsync(id, Scope(user, o), ct) is not { } hook)
        {
            return Problems.NotFound($"No webhook {id}.");
        }

        var delivery = QueueWebhookDeliveries.Ping(hook, clock.GetUtcNow());
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        return Results.Accepted($"{ConsentModule.Prefix}/config/webhook/{id}/deliveries/", new { delivery = DeliveryShape(delivery) });
    }

    private static async Task<IResult> RedeliverAsync(string webhookId, string deliveryId, ClaimsPrincipal user, RedeliverWebhook redeliver, IOptions<ConsentOptions> o, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var hook, out var error) || !ApiResults.TryId(deliveryId, "deliveryId", out var delivery, out error))
        {
            return error!;
        }

        var outcome = await redeliver.ExecuteAsync(hook, delivery, Callers.Actor(user), Scope(user, o), ct);
        return outcome.Status == OutcomeStatus.Ok
            ? Results.Accepted($"{ConsentModule.Prefix}/config/webhook/{hook}/deliveries/", new { delivery = DeliveryShape(outcome.Value!) })
            : ApiResults.From(outcome, d => d);
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
            webhook = Shape(w),
            // The only time the new secret is shown.
            secretKey = w.SecretKey,
            signatureHeader = WebhookEvents.SignatureHeader,
            previousSignatureHeader = w.PreviousSecretKey is null ? null : WebhookEvents.PreviousSignatureHeader,
            previousSecretExpiresAt = w.PreviousSecretExpiresAt is { } until ? ConsentSnapshot.Time(until) : null,
        });
    }

    internal sealed record RotateSecretInput(int? PreviousSecretValidForHours);

    /// <summary>Recent deliveries, newest first, each with every attempt (time, status code or error, duration).</summary>
    private static async Task<IResult> DeliveriesAsync(string webhookId, ClaimsPrincipal user, SaveWebhook save, ConsentDbContext db, IOptions<ConsentOptions> o, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryId(webhookId, "webhookId", out var id, out var error) || !ApiResults.TryPage(offset, limit, out var page, out error))
        {
            return error!;
        }

        if (await save.FindAsync(id, Scope(user, o), ct) is null)
        {
            return Problems.NotFound($"No webhook {id}.");
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id);
        var total = await query.CountAsync(ct);
        var items = await query.Include(d => d.AttemptLog).OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return Results.Ok(new { deliveries = items.Select(DeliveryShape), pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    private static object Shape(Webhook w) => new
    {
        id = w.Id, organisationId = w.OrganisationId, payloadUrl = w.PayloadUrl, contentType = w.ContentType,
        subscribedEvents = w.SubscribedEvents, disabled = w.Disabled, timestamp = ConsentSnapshot.Time(w.UpdatedAt),
    };

    private static object DeliveryShape(WebhookDelivery d) => new
    {
        id = d.Id, webhookId = d.WebhookId, eventId = d.EventId, eventType = d.EventType, status = d.Status, attempts = d.Attempts,
        createdAt = ConsentSnapshot.Time(d.CreatedAt), nextAttemptAt = d.Status == WebhookStatuses.Pending ? ConsentSnapshot.Time(d.NextAttemptAt) : null,
        deliveredAt = d.DeliveredAt is { } at ? ConsentSnapshot.Time(at) : null,
        attemptLog = d.AttemptLog.OrderBy(a => a.Number).Select(a => new { number = a.Number, at = ConsentSnapshot.Time(a.At), statusCode = a.StatusCode, error = a.Error, durationMs = a.DurationMs }),
    };
}
