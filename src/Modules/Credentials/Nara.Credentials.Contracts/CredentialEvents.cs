using Nara.Kernel.Events;

namespace Nara.Credentials.Contracts;

/// <summary>Who acted: the citizen themselves, an official, or the system.</summary>
/// <param name="Kind">citizen | official | system (as <c>Nara.Kernel.Security.ActorKinds</c>).</param>
/// <param name="Role">For officials: the role they acted in (the audit log requires it).</param>
public sealed record CredentialActor(string Kind, string Id, string? Agency = null, string? Role = null);

/// <summary>A credential was issued to a resident. Carries no claims: only the type and its status-list entry.</summary>
public sealed record CredentialIssued(
    Guid CredentialId,
    long ResidentId,
    string Type,
    int StatusList,
    int StatusIndex,
    DateTimeOffset ExpiresAt,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>A credential was revoked (final), suspended or reinstated; verifiers see it at their next status-list refresh.</summary>
/// <param name="Status">valid | revoked | suspended.</param>
public sealed record CredentialStatusChanged(
    Guid CredentialId,
    long ResidentId,
    string Type,
    string Status,
    string Reason,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>
/// A citizen made an OpenID4VCI credential offer for their own wallet (a pre-authorized code, valid until
/// <paramref name="ExpiresAt"/>). The credential itself, when the wallet fetches it, is a separate <see cref="CredentialIssued"/>.
/// </summary>
/// <param name="ConfigurationId">The credential_configuration_id offered.</param>
public sealed record CredentialOfferCreated(
    Guid OfferId,
    long ResidentId,
    string ConfigurationId,
    bool TxCodeRequired,
    DateTimeOffset ExpiresAt,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>
/// The issuer published a new version of a status list: its content differs from the version before (a revocation,
/// suspension or reinstatement reached it). Recorded once per version, never per fetch: who fetches the list is not logged.
/// </summary>
/// <param name="Digest">SHA-256 (base64url) of the uncompressed bit list, so a verifier's cached copy can be matched to this entry.</param>
public sealed record CredentialStatusListPublished(
    int List,
    int Sequence,
    string Digest,
    int Revoked,
    int Suspended,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>
/// The issuer key was rotated: new credentials and status lists are signed with <paramref name="KeyId"/>; the
/// previous key stays published in the JWKS so what it signed keeps verifying.
/// </summary>
public sealed record CredentialIssuerKeyRotated(
    string PreviousKeyId,
    string KeyId,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>
/// A credential officer listed the credentials their agency issued to a resident (a look-up of personal data, so it is
/// audited like a registry view: who, for which agency, why). The resident registration number searched for is not
/// carried; <paramref name="ResidentId"/> is null when no resident has it.
/// </summary>
/// <param name="Found">How many of the agency's credentials the search answered.</param>
public sealed record CredentialsSearchedByResident(
    long? ResidentId,
    string Agency,
    int Found,
    string Reason,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;
