using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Services.Contracts;

namespace Nara.Audit.Features;

/// <summary>
/// Services read a resident's registry data to prefill an application: recorded against the resident,
/// with the purpose (the service applied for) and the sources read, so "who looked at my data" shows it.
/// </summary>
internal sealed class RecordApplicationPrefill(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<ApplicationPrefilled>
{
    public Task HandleAsync(IntegrationEventEnvelope<ApplicationPrefilled> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var sources = string.Join(' ', e.Sources);
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.Citizen(e.ApplicantAccountId.ToString("D", CultureInfo.InvariantCulture)),
                "services.prefill.read",
                new AuditSubject("resident", e.ResidentId.ToString(CultureInfo.InvariantCulture)),
                e.Purpose,
                AuditOutcomes.Success,
                e.ApplicationId.ToString("D", CultureInfo.InvariantCulture),
                "Services",
                new Dictionary<string, string> { ["service"] = e.ServiceSlug, ["sources"] = sources.Length <= 256 ? sources : sources[..256] },
                envelope.MessageId),
            cancellationToken);
    }
}
