using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Exchange.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>
/// Every request through the information mediator, allowed or refused, against the data subject (or the service
/// when there is none): client and agency as actor, the declared official and case, purpose, consent, the
/// attributes and the request hash — never the payload. The entry's source message id is the exchange id, which
/// is how the subject's "who used my data" page finds its inclusion proof.
/// </summary>
internal sealed class RecordDataExchange(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<DataExchanged>,
    IIntegrationEventHandler<DataAccessAlertsChanged>,
    IIntegrationEventHandler<ExchangeConfigurationChanged>
{
    public Task HandleAsync(IntegrationEventEnvelope<DataExchanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var detail = new Dictionary<string, string>
        {
            ["service"] = Bounded(e.Service),
            ["messageId"] = Bounded(e.MessageId),
            ["requestHash"] = e.RequestHash,
            ["status"] = e.Status.ToString(CultureInfo.InvariantCulture),
            ["attributes"] = Bounded(string.Join(' ', e.Attributes)),
        };
        Add(detail, "userId", e.UserId);
        Add(detail, "userRole", e.UserRole);
        Add(detail, "issue", e.Issue);
        Add(detail, "consentRecord", e.ConsentRecordId?.ToString("D"));
        Add(detail, "refusal", e.Refusal);
        var subject = e.SubjectResidentId is { } resident
            ? new AuditSubject("resident", resident.ToString(CultureInfo.InvariantCulture))
            : new AuditSubject("exchange-service", Bounded(e.Service, 200));
        var outcome = e.Outcome switch
        {
            ExchangeOutcomes.Success => AuditOutcomes.Success,
            ExchangeOutcomes.Failed => AuditOutcomes.Failed,
            _ => AuditOutcomes.Denied,
        };
        return log.AppendAsync(
            new AuditEntry(e.OccurredAt, AuditActor.AgencyClient(Bounded(e.Client ?? "unidentified", 200), e.ClientAgency), "exchange.request", subject,
                e.Purpose is null ? null : Bounded(e.Purpose, 200), outcome, e.ExchangeId.ToString("D"), "Exchange", detail, envelope.MessageId),
            cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<DataAccessAlertsChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var resident = e.ResidentId.ToString(CultureInfo.InvariantCulture);
        return log.AppendAsync(
            new AuditEntry(envelope.OccurredAt, AuditActor.Citizen(resident), e.Enabled ? "exchange.access-alerts.on" : "exchange.access-alerts.off",
                new AuditSubject("resident", resident), null, AuditOutcomes.Success, null, "Exchange", null, envelope.MessageId),
            cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ExchangeConfigurationChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return log.AppendAsync(
            new AuditEntry(envelope.OccurredAt, AuditActor.Official(e.ActorId, e.ActorAgency ?? "", "administrator"), $"exchange.{e.Entity}.{e.Change}",
                new AuditSubject($"exchange-{e.Entity}", Bounded(e.Id, 200)), null, AuditOutcomes.Success, null, "Exchange", null, envelope.MessageId),
            cancellationToken);
    }

    private static void Add(Dictionary<string, string> detail, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            detail[key] = Bounded(value);
        }
    }

    private static string Bounded(string value, int max = 256) => value.Length <= max ? value : value[..max];
}
