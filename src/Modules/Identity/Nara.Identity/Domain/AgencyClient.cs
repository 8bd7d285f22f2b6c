namespace Nara.Identity.Domain;

/// <summary>
/// An agency system that calls Nara's APIs (e.g. NHIS's benefits back office). Authenticates with an API
/// key until OAuth client credentials arrive; only the key's SHA-256 is stored.
/// </summary>
internal sealed class AgencyClient
{
    /// <summary>X-Road-style member identifier, e.g. "KR/GOV/NHIS/benefits".</summary>
    public required string Id { get; set; }

    public required string AgencyCode { get; set; }

    public required string Name { get; set; }

    /// <summary>First characters of the key, shown to administrators and used to find the row.</summary>
    public required string KeyPrefix { get; set; }

    public required string KeyHash { get; set; }

    /// <summary>Space-separated scopes, e.g. "registries:residents:read registries:vehicles:write".</summary>
    public string Scopes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
