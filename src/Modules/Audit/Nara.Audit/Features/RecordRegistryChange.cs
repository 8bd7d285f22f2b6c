using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;

namespace Nara.Audit.Features;

/// <summary>
/// Writes every registry change to the log. The registry wrote the event in its own transaction (outbox),
/// so change and audit cannot diverge; the entry carries the message id, which the log keeps unique, so a
/// redelivered event adds nothing.
/// </summary>
internal sealed class RecordRegistryChange(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<RegistryRecordChanged>
{
    public async Task HandleAsync(IntegrationEventEnvelope<RegistryRecordChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var change = envelope.Event;
        var actor = change.Actor == "system" || string.IsNullOrWhiteSpace(change.Actor)
            ? AuditActor.System("system")
            : change.ActorAgency is null
                ? AuditActor.System(change.Actor)
                : AuditActor.AgencyClient(change.Actor, change.ActorAgency);
        var detail = new Dictionary<string, string> { ["registry"] = change.Registry, ["recordId"] = change.RecordId };
        if (change.SubjectResidentId is not null)
        {
            detail["resident"] = change.SubjectResidentId;
        }

        await log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                actor,
                $"registry.{change.Registry}.{change.Operation}",
                new AuditSubject(change.Registry, change.RecordId),
                Purpose: null,
                AuditOutcomes.Success,
                change.CorrelationId,
                "Registries",
                detail,
                envelope.MessageId),
            cancellationToken);
    }
}
