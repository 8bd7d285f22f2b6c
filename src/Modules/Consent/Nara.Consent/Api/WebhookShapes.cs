using Nara.Consent.Domain;
using Nara.Consent.Features.Webhooks;

namespace Nara.Consent.Api;

/// <summary>
/// The JSON of webhooks and deliveries, as the Consent BB API (2023.11.1 OpenAPI) names them. The secret never
/// appears here: it is added only to the answers that create or rotate it.
/// </summary>
internal static class WebhookShapes
{
    /// <summary>
    /// The Consent BB <c>Webhook</c>: <c>orgId</c> and a creation <c>timestamp</c> as the specification has them,
    /// <c>organisationId</c> kept for earlier Nara clients, <c>skipSslVerification</c> always false.
    /// </summary>
    public static Dictionary<string, object?> Webhook(Webhook w, string? secretKey = null)
    {
        var shape = new Dictionary<string, object?>
        {
            ["id"] = w.Id, ["orgId"] = w.OrganisationId, ["organisationId"] = w.OrganisationId, ["payloadUrl"] = w.PayloadUrl,
            ["contentType"] = w.ContentType, ["subscribedEvents"] = w.SubscribedEvents, ["disabled"] = w.Disabled,
            ["skipSslVerification"] = false, ["timestamp"] = ConsentSnapshot.Time(w.CreatedAt), ["updatedAt"] = ConsentSnapshot.Time(w.UpdatedAt),
        };
        if (secretKey is not null)
        {
            shape["secretKey"] = secretKey;
        }

        return shape;
    }

    public static object Delivery(WebhookDelivery d) => new
    {
        id = d.Id, webhookId = d.WebhookId, eventId = d.EventId, eventType = d.EventType, status = d.Status, attempts = d.Attempts,
        createdAt = ConsentSnapshot.Time(d.CreatedAt), nextAttemptAt = d.Status == WebhookStatuses.Pending ? ConsentSnapshot.Time(d.NextAttemptAt) : null,
        deliveredAt = d.DeliveredAt is { } at ? ConsentSnapshot.Time(at) : null,
        attemptLog = d.AttemptLog.OrderBy(a => a.Number).Select(a => new { number = a.Number, at = ConsentSnapshot.Time(a.At), statusCode = a.StatusCode, error = a.Error, durationMs = a.DurationMs }),
    };

    /// <summary>
    /// POST and PUT bodies: the Consent BB wraps the webhook (<c>{"webhook": {…}}</c>); the flat form Nara served
    /// first is still read. <c>id</c>, <c>orgId</c>, <c>secretKey</c> and <c>timestamp</c> in a body are ignored:
    /// Nara assigns them (the secret is generated, so a weak one cannot be chosen).
    /// </summary>
    internal sealed record WebhookBody(
        WebhookInput? Webhook, string? PayloadUrl, string? ContentType, IReadOnlyList<string>? SubscribedEvents, bool? Disabled, bool? SkipSslVerification)
    {
        public static WebhookInput? Input(WebhookBody? body) =>
            body is null ? null : body.Webhook ?? new WebhookInput(body.PayloadUrl, body.ContentType, body.SubscribedEvents, body.Disabled, body.SkipSslVerification);
    }
}
