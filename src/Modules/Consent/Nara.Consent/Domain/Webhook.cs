namespace Nara.Consent.Domain;

/// <summary>
/// An organisation's webhook (GovStack Consent BB <c>Webhook</c>): where to POST the consent events it subscribed
/// to. Events are delivered by <see cref="Features.Webhooks.DeliverWebhooks"/>, never inside the request that caused them.
/// </summary>
internal sealed class Webhook
{
    public Guid Id { get; set; }

    /// <summary>The agency code that owns it; it receives events of agreements it controls or receives data under.</summary>
    public required string OrganisationId { get; set; }

    public required string PayloadUrl { get; set; }

    /// <summary>Always <c>application/json</c> (the only payload content type served).</summary>
    public required string ContentType { get; set; }

    public List<string> SubscribedEvents { get; set; } = [];

    public bool Disabled { get; set; }

    /// <summary>The HMAC-SHA256 key (base64url, 32 random bytes), shown once at creation; needed to sign every delivery.</summary>
    public required string SecretKey { get; set; }

    /// <summary>
    /// The secret replaced by the last rotation, still sent as a second signature until
    /// <see cref="PreviousSecretExpiresAt"/>, so the receiver can switch to the new one at its own pace.
    /// </summary>
    public string? PreviousSecretKey { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Deleted { get; set; }
}

/// <summary>One event to deliver to one webhook, with every attempt made.</summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid WebhookId { get; set; }

    /// <summary>The outbox message the event came from (one delivery per webhook and event); a fresh id for pings.</summary>
    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The exact body sent (JSON); the signature is over these bytes.</summary>
    public required string Payload { get; set; }

    /// <summary>pending | delivered | failed (gave up after the last retry).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// Attempts made before the current round of retries: 0, or the count when an administrator last asked for a
    /// redelivery. Each round gets <see cref="Features.Webhooks.DeliverWebhooks.MaxAttempts"/> attempts.
    /// </summary>
    public int RoundStartAttempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}

/// <summary>One POST of a delivery: when, and what the receiver answered (or why it could not).</summary>
internal sealed class WebhookAttempt
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public long DurationMs { get; set; }
}

internal static class WebhookStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
