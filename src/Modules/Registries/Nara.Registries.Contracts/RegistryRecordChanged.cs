using Nara.Kernel.Events;

namespace Nara.Registries.Contracts;

/// <summary>
/// A registry record was created, updated or deleted. Written to the outbox with the change, so the audit
/// log (and any other listener) cannot miss it. Carries identifiers only, never the record itself.
/// </summary>
/// <param name="Operation">"create", "update" or "delete".</param>
/// <param name="Actor">Who made the change: an agency client id, an official account id, or "system".</param>
public sealed record RegistryRecordChanged(
    string Registry,
    string RecordId,
    string Operation,
    string Actor,
    string? ActorAgency,
    string? SubjectResidentId,
    string? CorrelationId) : IIntegrationEvent;
