using Nara.Kernel.Events;

namespace Nara.Registries.Contracts;

/// <summary>
/// An official opened a resident's full record in the registry browser. Written to the outbox with the
/// read, so the audit log can tell a resident who looked at their data and why.
/// </summary>
/// <param name="OfficialAccountId">The Identity account id of the official.</param>
/// <param name="Agency">The agency the official acted for.</param>
/// <param name="Purpose">The stated purpose, when the official gave one.</param>
public sealed record ResidentRecordViewed(long ResidentId, string OfficialAccountId, string? Agency, string? Purpose) : IIntegrationEvent;
