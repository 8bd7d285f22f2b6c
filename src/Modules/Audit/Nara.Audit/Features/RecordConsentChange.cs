using Nara.Audit.Contracts;
using Nara.Consent.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>
/// Consent given, withdrawn or forgotten is logged against the resident; agreement and policy changes against
/// the agreement or policy. Only ids and hashes are kept: the revision hash ties the entry to the Consent
/// module's own chain, so the two logs can be checked against each other.
/// </summary>
internal sealed class RecordConsentChange(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<ConsentGiven>,
    IIntegrationEventHandler<ConsentWithdrawn>,
    IIntegrationEventHandler<ConsentRecordsForgotten>,
    IIntegrationEventHandler<DataAgreementChanged>,
    IIntegrationEventHandler<ConsentPolicyChanged>,
    IIntegrationEventHandler<ConsentWebhookChanged>,
    IIntegrationEventHandler<ConsentSigningKeyRotated>,
    IIntegrationEventHandler<MyDataTransferred>
{
    public Task HandleAsync(IntegrationEventEnvelope<MyDataTransferred> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, new ConsentActor("agency-client", e.RecipientClientId, e.RecipientAgency), "mydata.transfer", new AuditSubject("resident", e.IndividualId), e.ConsentRecordId.ToString("D"),
            new Dictionary<string, string>
            {
                ["transfer"] = e.TransferId.ToString("D"), ["package"] = e.PackageId.ToString("D"), ["period"] = e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["dataAgreement"] = e.DataAgreementId.ToString("D"), ["datasets"] = string.Join(' ', e.Datasets),
            }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ConsentWebhookChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var url = e.PayloadUrl.Length <= 256 ? e.PayloadUrl : e.PayloadUrl[..256];
        return AppendAsync(envelope, e.Actor, $"consent.webhook.{e.Change}", new AuditSubject("consent-webhook", e.WebhookId.ToString("D")), null,
            WebhookDetails(e, url), cancellationToken);
    }

    private static Dictionary<string, string> WebhookDetails(ConsentWebhookChanged e, string url)
    {
        var details = new Dictionary<string, string> { ["organisation"] = e.Organisation, ["payloadUrl"] = url, ["events"] = string.Join(' ', e.SubscribedEvents), ["disabled"] = e.Disabled ? "true" : "false" };
        if (e.DeliveryId is { } delivery)
        {
            details["delivery"] = delivery.ToString("D");
        }

        return details;
    }

    public Task HandleAsync(IntegrationEventEnvelope<ConsentSigningKeyRotated> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "consent.signing-key.rotate", new AuditSubject("consent-signing-key", e.NewKeyId), null,
            new Dictionary<string, string> { ["previousKeyId"] = e.OldKeyId, ["keyId"] = e.NewKeyId }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ConsentGiven> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "consent.give", new AuditSubject("resident", e.IndividualId), e.ConsentRecordId.ToString("D"),
            new Dictionary<string, string> { ["dataAgreement"] = e.DataAgreementId.ToString("D"), ["controller"] = e.Controller, ["revisionHash"] = e.RevisionHash }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ConsentWithdrawn> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "consent.withdraw", new AuditSubject("resident", e.IndividualId), e.ConsentRecordId.ToString("D"),
            new Dictionary<string, string> { ["dataAgreement"] = e.DataAgreementId.ToString("D"), ["controller"] = e.Controller, ["revisionHash"] = e.RevisionHash }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ConsentRecordsForgotten> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var agreements = string.Join(' ', e.DataAgreementIds.Select(a => a.ToString("D")));
        return AppendAsync(envelope, e.Actor, "consent.forget", new AuditSubject("resident", e.IndividualId), null,
            new Dictionary<string, string> { ["records"] = e.RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dataAgreements"] = agreements.Length <= 256 ? agreements : agreements[..256] }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<DataAgreementChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, $"consent.data-agreement.{e.Change}", new AuditSubject("data-agreement", e.DataAgreementId.ToString("D")), null,
            new Dictionary<string, string> { ["version"] = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["controller"] = e.Controller, ["revisionHash"] = e.RevisionHash }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ConsentPolicyChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, $"consent.policy.{e.Change}", new AuditSubject("consent-policy", e.PolicyId.ToString("D")), null,
            new Dictionary<string, string> { ["version"] = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["revisionHash"] = e.RevisionHash }, cancellationToken);
    }

    private Task<AuditReceipt> AppendAsync<T>(IntegrationEventEnvelope<T> envelope, ConsentActor actor, string action, AuditSubject subject, string? correlation, Dictionary<string, string> detail, CancellationToken ct)
        where T : IIntegrationEvent =>
        log.AppendAsync(new AuditEntry(envelope.OccurredAt, Actor(actor), action, subject, null, AuditOutcomes.Success, correlation, "Consent", detail, envelope.MessageId), ct);

    private static AuditActor Actor(ConsentActor a) => a.Kind switch
    {
        "citizen" => AuditActor.Citizen(a.Id),
        "official" => AuditActor.Official(a.Id, a.Agency ?? "", a.Role ?? ""),
        "agency-client" => AuditActor.AgencyClient(a.Id, a.Agency),
        _ => AuditActor.System(a.Id),
    };
}
