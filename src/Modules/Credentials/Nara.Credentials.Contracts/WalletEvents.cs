using Nara.Kernel.Events;

namespace Nara.Credentials.Contracts;

/// <summary>
/// A credential (and the holder key the portal keeps for it) was put into a citizen's web wallet. Carries no claims.
/// </summary>
public sealed record WalletCredentialAdded(
    Guid EntryId,
    long ResidentId,
    string Type,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>A credential was removed from a citizen's web wallet; its holder key was deleted with it.</summary>
public sealed record WalletCredentialRemoved(
    Guid EntryId,
    long ResidentId,
    string Type,
    CredentialActor Actor,
    DateTimeOffset At) : IIntegrationEvent;
