namespace Nara.Notifications.Domain;

/// <summary>How Notifications treats one agency client; clients without a row get the configured defaults.</summary>
internal sealed class ClientSettings
{
    public required string ClientId { get; set; }

    /// <summary>Final statuses are POSTed here as JSON.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>A test client: messages are validated, stored and tracked, but delivery is simulated.</summary>
    public bool TestMode { get; set; }

    /// <summary>Token bucket: requests per second refilled, and the bucket size.</summary>
    public int? RequestsPerSecond { get; set; }

    public int? Burst { get; set; }

    /// <summary>Messages per Korean calendar day.</summary>
    public int? DailyCap { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
