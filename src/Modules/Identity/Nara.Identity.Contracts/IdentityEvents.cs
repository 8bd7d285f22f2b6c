using Nara.Kernel.Events;

namespace Nara.Identity.Contracts;

/// <summary>Someone signed in. Roles are space-separated, valid at <paramref name="Agency"/> only.</summary>
/// <param name="ActorKind">"citizen" or "official" (Nara.Kernel.Security.ActorKinds).</param>
/// <param name="Method">How: "demo" now; "passkey", "mobile-id" with the Identity issue.</param>
public sealed record AccountSignedIn(Guid AccountId, string ActorKind, string? Agency, string Roles, string Method) : IIntegrationEvent;

/// <summary>An agency system was given an API key with these space-separated scopes.</summary>
public sealed record AgencyClientRegistered(string ClientId, string Agency, string Scopes) : IIntegrationEvent;

/// <summary>An agency system's key was revoked; its requests are refused from now on.</summary>
public sealed record AgencyClientRevoked(string ClientId, string Agency) : IIntegrationEvent;

/// <summary>
/// The OpenID provider issued tokens. <paramref name="Subject"/> is what the client sees (pairwise for private-sector
/// clients, the client id for client credentials); <paramref name="Tokens"/> names the kinds issued
/// ("access_token id_token refresh_token", or "authorization_code") — never a token itself.
/// </summary>
public sealed record OidcTokenIssued(string ClientId, string Subject, string Scopes, string GrantType, string Tokens) : IIntegrationEvent;

/// <summary>An administrator registered a relying party or agency system with the OpenID provider.</summary>
/// <param name="ClientType">"confidential" or "public".</param>
/// <param name="Sector">"public" (government: the public subject) or "private" (pairwise subjects).</param>
public sealed record OidcClientRegistered(string ClientId, string ClientType, string Sector, string? Agency, string Scopes) : IIntegrationEvent;

/// <summary>A client was removed from the OpenID provider; its tokens are no longer accepted.</summary>
public sealed record OidcClientRemoved(string ClientId) : IIntegrationEvent;

/// <summary>New signing and encryption keys took over; the previous ones validate until <paramref name="RetiredKeysExpireAt"/>.</summary>
public sealed record OidcKeysRotated(string SigningKeyId, string EncryptionKeyId, DateTimeOffset RetiredKeysExpireAt) : IIntegrationEvent;

/// <summary>
/// A person proved who they are and got (or got back) an account. <paramref name="Recovery"/> is true when
/// the account already existed and the person is replacing lost passkeys.
/// </summary>
/// <param name="ProofingMethod">How identity was proved, e.g. "one-time-code".</param>
public sealed record AccountEnrolled(Guid AccountId, string ActorKind, string? Agency, string ProofingMethod, bool Recovery) : IIntegrationEvent;

/// <summary>Proving identity failed: a wrong code, an expired code, or too many tries (<paramref name="Reason"/>).</summary>
public sealed record IdentityProofingFailed(Guid ChallengeId, string Reason) : IIntegrationEvent;

/// <summary>A passkey was added to an account.</summary>
public sealed record PasskeyRegistered(Guid AccountId, Guid PasskeyId, int PasskeyCount) : IIntegrationEvent;

/// <summary>A passkey's name was changed by its owner.</summary>
public sealed record PasskeyRenamed(Guid AccountId, Guid PasskeyId) : IIntegrationEvent;

/// <summary>A passkey was removed by its owner; <paramref name="PasskeyCount"/> remain.</summary>
public sealed record PasskeyRemoved(Guid AccountId, Guid PasskeyId, int PasskeyCount) : IIntegrationEvent;

/// <summary>
/// An agency administrator changed an official's account: "invited", "roles-changed", "disabled" or
/// "enabled" (<paramref name="Change"/>); <paramref name="Roles"/> are the roles after the change.
/// </summary>
public sealed record OfficialAccountChanged(Guid AccountId, string Agency, string Change, string Roles, Guid ChangedBy) : IIntegrationEvent;
