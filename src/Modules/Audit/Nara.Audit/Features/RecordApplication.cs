using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Kernel.Security;
using Nara.Services.Contracts;

namespace Nara.Audit.Features;

/// <summary>
/// Applications and cases: a citizen submits (one entry per case), a case changes status (assignment to
/// review, information requested and answered, withdrawal), a case is decided. Identifiers and codes
/// only, never the answers.
/// </summary>
internal sealed class RecordApplication(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<ApplicationSubmitted>,
    IIntegrationEventHandler<CaseStatusChanged>,
    IIntegrationEventHandler<ApplicationDecided>
{
    private const string Module = "Services";

    public Task HandleAsync(IntegrationEventEnvelope<ApplicationSubmitted> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt, AuditActor.Citizen(Id(e.ApplicantAccountId)), "services.application.submit",
                new AuditSubject("case", Id(e.CaseId)), Purpose: null, AuditOutcomes.Success, Id(e.ApplicationId), Module,
                new Dictionary<string, string> { ["service"] = e.ServiceSlug, ["agency"] = e.Agency, ["application"] = Id(e.ApplicationId) },
                envelope.MessageId),
            cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<CaseStatusChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var actor = e.ActorKind switch
        {
            ActorKinds.Citizen => AuditActor.Citizen(e.ActorAccountId is { } c ? Id(c) : Id(e.ApplicantAccountId)),
            ActorKinds.Official when e.ActorAccountId is { } o => AuditActor.Official(Id(o), e.Agency, NaraRoles.Caseworker),
            _ => AuditActor.AgencyClient(e.ActorClientId ?? "agency-system", e.Agency),
        };
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt, actor, "services.case.status",
                new AuditSubject("case", Id(e.CaseId)), Purpose: null, AuditOutcomes.Success, null, Module,
                new Dictionary<string, string> { ["service"] = e.ServiceSlug, ["agency"] = e.Agency, ["from"] = e.FromStatus, ["to"] = e.ToStatus },
                envelope.MessageId),
            cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<ApplicationDecided> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var actor = e.DecidedBy == Guid.Empty
            ? AuditActor.AgencyClient(e.DecidedByClient ?? "agency-system", e.Agency)
            : AuditActor.Official(Id(e.DecidedBy), e.Agency, NaraRoles.Approver);
        var detail = new Dictionary<string, string> { ["service"] = e.ServiceSlug, ["agency"] = e.Agency, ["decision"] = e.Decision, ["application"] = Id(e.ApplicationId) };
        if (e.LetterDocumentId is { } letter)
        {
            detail["letter"] = Id(letter);
        }

        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt, actor, "services.case.decide",
                new AuditSubject("case", Id(e.CaseId)), Purpose: null, AuditOutcomes.Success, Id(e.ApplicationId), Module, detail, envelope.MessageId),
            cancellationToken);
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
