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
