using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>Granting and revoking an agency system's access are logged with the scopes granted.</summary>
internal sealed class RecordAgencyClientChange(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<AgencyClientRegistered>,
    IIntegrationEventHandler<AgencyClientRevoked>
{
    public Task HandleAsync(IntegrationEventEnvelope<AgencyClientRegistered> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var detail = new Dictionary<string, string> { ["agency"] = envelope.Event.Agency, ["scopes"] = Cap(envelope.Event.Scopes) };
        return AppendAsync(envelope.MessageId, envelope.OccurredAt, "identity.agency-client.register", envelope.Event.ClientId, detail, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<AgencyClientRevoked> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var detail = new Dictionary<string, string> { ["agency"] = envelope.Event.Agency };
        return AppendAsync(envelope.MessageId, envelope.OccurredAt, "identity.agency-client.revoke", envelope.Event.ClientId, detail, cancellationToken);
    }

    // Operators act through the CLI today; an administrator's identity arrives with the Identity issue.
    private Task<AuditReceipt> AppendAsync(Guid messageId, DateTimeOffset time, string action, string clientId, Dictionary<string, string> detail, CancellationToken cancellationToken) =>
        log.AppendAsync(
            new AuditEntry(time, AuditActor.System("identity"), action, new AuditSubject("agency-client", clientId), null, AuditOutcomes.Success, null, "Identity", detail, messageId),
            cancellationToken);

    private static string Cap(string scopes) => scopes.Length <= 200 ? scopes : scopes[..197] + "...";
}
