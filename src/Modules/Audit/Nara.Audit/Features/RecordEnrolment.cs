using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;
using Nara.Kernel.Security;

namespace Nara.Audit.Features;

/// <summary>Enrolments and recoveries (who proved identity, how) and failed proofs are logged.</summary>
internal sealed class RecordEnrolment(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<AccountEnrolled>,
    IIntegrationEventHandler<IdentityProofingFailed>
{
    public Task HandleAsync(IntegrationEventEnvelope<AccountEnrolled> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var id = e.AccountId.ToString("D", CultureInfo.InvariantCulture);
        var actor = e.ActorKind == ActorKinds.Official ? AuditActor.Official(id, e.Agency ?? "unknown", "enrolling") : AuditActor.Citizen(id);
        return log.AppendAsync(
            new AuditEntry(envelope.OccurredAt, actor, e.Recovery ? "identity.recover" : "identity.enrol", new AuditSubject("account", id), null,
                AuditOutcomes.Success, null, "Identity", new Dictionary<string, string> { ["proofing"] = e.ProofingMethod }, envelope.MessageId),
            cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<IdentityProofingFailed> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var challenge = envelope.Event.ChallengeId.ToString("D", CultureInfo.InvariantCulture);
        return log.AppendAsync(
            new AuditEntry(envelope.OccurredAt, AuditActor.System("identity"), "identity.proofing-failed", new AuditSubject("proofing-challenge", challenge), null,
                AuditOutcomes.Denied, null, "Identity", new Dictionary<string, string> { ["reason"] = envelope.Event.Reason }, envelope.MessageId),
            cancellationToken);
    }
}
