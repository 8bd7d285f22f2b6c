using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Eligibility.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>A citizen switched Eligibility's proactive matching (consent to be told about benefits and due dates) on or off.</summary>
internal sealed class RecordProactiveMatching(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<ProactiveMatchingChanged>
{
    public Task HandleAsync(IntegrationEventEnvelope<ProactiveMatchingChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var resident = e.ResidentId.ToString(CultureInfo.InvariantCulture);
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.Citizen(e.AccountId ?? resident),
                e.OptedIn ? "eligibility.proactive-matching-on" : "eligibility.proactive-matching-off",
                new AuditSubject("resident", resident),
                Purpose: null,
                AuditOutcomes.Success,
                CorrelationId: null,
                "Eligibility",
                new Dictionary<string, string>(),
                envelope.MessageId),
            cancellationToken);
    }
}
