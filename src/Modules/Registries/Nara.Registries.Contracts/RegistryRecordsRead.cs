using Nara.Kernel.Events;

namespace Nara.Registries.Contracts;

/// <summary>
/// An agency client read records about residents through the registries API (list, read or exists).
/// The raw material for "who looked at my data": until the Audit module takes it over, the GovStack
/// myPersonalDataUsage endpoint answers from these events in the registries outbox.
/// A large page is split into several events of at most <see cref="MaxResidentIds"/> ids each.
/// </summary>
/// <param name="ResidentIds">Registry ids of the residents whose records were returned (as text).</param>
/// <param name="ResidentCount">How many distinct residents the whole request touched.</param>
public sealed record RegistryRecordsRead(
    string Registry,
    string Operation,
    IReadOnlyList<string> ResidentIds,
    int ResidentCount,
    string Actor,
    string? ActorAgency,
    string? ActorName,
    string? CorrelationId) : IIntegrationEvent
{
    public const int MaxResidentIds = 100;
}
