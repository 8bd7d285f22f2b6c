namespace Nara.Consent.Features.Webhooks;

/// <summary>The event types a webhook may subscribe to (GET config/webhooks/event-types/), and the one payload content type.</summary>
internal static class WebhookEvents
{
    public const string ConsentAllowed = "consent.allowed";
    public const string ConsentDisallowed = "consent.disallowed";
    public const string ConsentForgotten = "consent.forgotten";
    public const string DataAgreementChanged = "data-agreement.changed";

    /// <summary>Sent by POST config/webhook/{id}/ping/ only; needs no subscription.</summary>
    public const string Ping = "webhook.ping";

    public const string JsonContentType = "application/json";

    /// <summary>The header that carries <c>sha256=&lt;hex HMAC-SHA256 of the raw body under the webhook's secret&gt;</c>.</summary>
    public const string SignatureHeader = "X-ConsentBB-Signature";

    /// <summary>During the grace period after a secret rotation: the same HMAC under the previous secret.</summary>
    public const string PreviousSignatureHeader = "X-ConsentBB-Signature-Previous";

    public static readonly IReadOnlyList<string> All = [ConsentAllowed, ConsentDisallowed, ConsentForgotten, DataAgreementChanged];
}
