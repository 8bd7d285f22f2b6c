namespace Nara.Identity.Contracts;

/// <summary>
/// Registers and manages the agency systems that call Nara's APIs with an API key. Used by the host's
/// `nara clients` verb, by seeding and by tests; an administration page can use it later.
/// </summary>
public interface IAgencyClientAdministration
{
    /// <summary>Creates a client and returns its key in plain text, the only time it is ever available.</summary>
    Task<AgencyClientRegistration> RegisterAsync(NewAgencyClient client, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgencyClientInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Refuses the client's key from now on. False when no such client exists.</summary>
    Task<bool> RevokeAsync(string clientId, CancellationToken cancellationToken);
}

/// <param name="Id">X-Road-style member identifier INSTANCE/CLASS/MEMBER/SUBSYSTEM, e.g. "KR/GOV/NHIS/benefits".</param>
/// <param name="Scopes">e.g. "registries:residents:read", "registries:*:write".</param>
public sealed record NewAgencyClient(string Id, string AgencyCode, string Name, IReadOnlyList<string> Scopes);

/// <summary>Either the plaintext <see cref="Key"/> or an <see cref="Error"/> in English saying what was wrong.</summary>
public sealed record AgencyClientRegistration(string? Key, string? Error)
{
    public bool Succeeded => Key is not null;
}

public sealed record AgencyClientInfo(
    string Id,
    string AgencyCode,
    string Name,
    string KeyPrefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
