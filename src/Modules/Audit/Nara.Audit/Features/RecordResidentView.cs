using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Kernel.Security;
using Nara.Registries.Contracts;

namespace Nara.Audit.Features;

/// <summary>An official opened a resident's full record in the registry browser: the citizen may ask who and why.</summary>
internal sealed class RecordResidentView(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<ResidentRecordViewed>
{
    public async Task HandleAsync(IntegrationEventEnvelope<ResidentRecordViewed> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var view = envelope.Event;
        await log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.Official(view.OfficialAccountId, view.Agency ?? "unknown", NaraRoles.RegistryViewer),
                "resident.view",
                new AuditSubject("resident", view.ResidentId.ToString(CultureInfo.InvariantCulture)),
                view.Purpose,
                AuditOutcomes.Success,
                CorrelationId: null,
                "Registries",
                Detail: null,
                envelope.MessageId),
            cancellationToken);
    }
}
