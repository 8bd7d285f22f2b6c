namespace Nara.Notifications.Domain;

/// <summary>
/// One browser's Web Push subscription (the browser's PushSubscription: endpoint and keys). A citizen may
/// have several devices; the endpoint is unique, so subscribing the same browser again updates its row.
/// </summary>
internal sealed class PushDevice
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The push service URL for this browser; a capability, so never logged or audited.</summary>
    public required string Endpoint { get; set; }

    /// <summary>The browser's P-256 public key, base64url.</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's authentication secret, base64url.</summary>
    public required string Auth { get; set; }

    /// <summary>A label the citizen recognises ("Chrome on Windows"), derived from the user agent.</summary>
    public required string Label { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }
}
