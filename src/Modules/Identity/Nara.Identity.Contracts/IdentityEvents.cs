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
