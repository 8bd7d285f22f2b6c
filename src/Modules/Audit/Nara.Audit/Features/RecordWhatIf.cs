using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Eligibility.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>An official evaluated a reform over the whole population (Eligibility's what-if): who, which parameter, what they saw.</summary>
internal sealed class RecordWhatIf(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<WhatIfEvaluated>
{
    public Task HandleAsync(IntegrationEventEnvelope<WhatIfEvaluated> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.Official(e.OfficialAccountId, e.Agency ?? "unknown", "official"),
                "eligibility.what-if",
                new AuditSubject("parameter", e.Parameter),
                Purpose: null,
                AuditOutcomes.Success,
                CorrelationId: null,
                "Eligibility",
                new Dictionary<string, string>
                {
                    ["since"] = e.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["value"] = e.Value.ToString(CultureInfo.InvariantCulture),
                    ["month"] = e.Month,
                    ["newlyEligible"] = e.NewlyEligible.ToString(CultureInfo.InvariantCulture),
                    ["noLongerEligible"] = e.NoLongerEligible.ToString(CultureInfo.InvariantCulture),
                    ["monthlyAmountBefore"] = e.MonthlyAmountBefore.ToString(CultureInfo.InvariantCulture),
                    ["monthlyAmountAfter"] = e.MonthlyAmountAfter.ToString(CultureInfo.InvariantCulture),
                },
                envelope.MessageId),
            cancellationToken);
    }
}
