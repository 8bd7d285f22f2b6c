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
