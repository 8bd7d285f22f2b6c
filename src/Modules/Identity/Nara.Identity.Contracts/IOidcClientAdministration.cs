namespace Nara.Identity.Contracts;

/// <summary>
/// Registers the relying parties and agency systems of Nara's OpenID provider. Used by `nara oidc clients`, the
/// administrators' API, seeding and tests.
/// </summary>
public interface IOidcClientAdministration
{
    /// <summary>Creates the client; a confidential client's secret is in the answer, the only time it is shown.</summary>
    Task<OidcClientRegistration> RegisterAsync(NewOidcClient client, CancellationToken cancellationToken);

    Task<IReadOnlyList<OidcClientInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the client and revokes its tokens. False when no such client exists.</summary>
    Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken);
}

public static class OidcClientTypes
{
    public const string Confidential = "confidential";
    public const string Public = "public";
}

public static class OidcSectors
{
    /// <summary>Government services: they see the same subject for a person.</summary>
    public const string Public = "public";

    /// <summary>Private services: each sees its own pairwise subject, so they cannot link a person across them.</summary>
    public const string Private = "private";
}

/// <param name="ClientId">Letters, digits and . _ - / : (e.g. "nara-demo-rp" or "KR/GOV/NHIS/benefits").</param>
/// <param name="ClientType"><see cref="OidcClientTypes"/>; public clients must use PKCE and get no secret.</param>
/// <param name="Sector"><see cref="OidcSectors"/>.</param>
/// <param name="AgencyCode">Agencies' systems: the agency that owns the client (needed for client credentials).</param>
/// <param name="RedirectUris">Compared exactly; https, or http only on loopback hosts.</param>
/// <param name="Scopes">e.g. "openid profile age" for sign-in, "registries.read" for agency systems.</param>
/// <param name="ClientCredentials">May the client get tokens for itself (agency systems)?</param>
public sealed record NewOidcClient(
    string ClientId,
    string DisplayName,
    string ClientType,
    string Sector,
    string? AgencyCode,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Scopes,
    bool ClientCredentials = false,
    string? SectorIdentifier = null);

/// <summary>Either success (with <see cref="Secret"/> for confidential clients) or an English <see cref="Error"/>.</summary>
public sealed record OidcClientRegistration(bool Succeeded, string? Secret, string? Error);

public sealed record OidcClientInfo(
    string ClientId,
    string DisplayName,
    string ClientType,
    string Sector,
    string? AgencyCode,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Scopes,
    bool ClientCredentials);

/// <summary>Rotates the OpenID provider's signing and encryption keys (`nara oidc rotate-keys`).</summary>
public interface IOidcKeyRotation
{
    Task<OidcKeysRotated> RotateAsync(CancellationToken cancellationToken);
}
