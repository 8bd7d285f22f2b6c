using Nara.Kernel.Events;

namespace Nara.Eligibility.Contracts;

/// <summary>
/// A citizen switched proactive matching on or off (the consent to be told, from registry data, about
/// benefits and due dates without asking). Audit records it.
/// </summary>
public sealed record ProactiveMatchingChanged(long ResidentId, bool OptedIn, string? AccountId) : IIntegrationEvent;
