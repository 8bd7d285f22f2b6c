using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>Every passkey added, renamed or removed is logged against its owner's account.</summary>
internal sealed class RecordPasskeyChange(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<PasskeyRegistered>,
    IIntegrationEventHandler<PasskeyRenamed>,
    IIntegrationEventHandler<PasskeyRemoved>
{
    public Task HandleAsync(IntegrationEventEnvelope<PasskeyRegistered> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, "identity.passkey.register", e.AccountId, e.PasskeyId, e.PasskeyCount, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<PasskeyRenamed> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return AppendAsync(envelope, "identity.passkey.rename", envelope.Event.AccountId, envelope.Event.PasskeyId, null, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<PasskeyRemoved> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, "identity.passkey.remove", e.AccountId, e.PasskeyId, e.PasskeyCount, cancellationToken);
    }

    private Task<AuditReceipt> AppendAsync<T>(IntegrationEventEnvelope<T> envelope, string action, Guid accountId, Guid passkeyId, int? count, CancellationToken cancellationToken)
        where T : IIntegrationEvent
    {
        var account = accountId.ToString("D", CultureInfo.InvariantCulture);
        var detail = new Dictionary<string, string> { ["account"] = account };
        if (count is { } c)
        {
            detail["passkeys"] = c.ToString(CultureInfo.InvariantCulture);
        }

        // The owner acts on their own passkeys; officials' roles do not matter for that.
        return log.AppendAsync(
            new AuditEntry(envelope.OccurredAt, AuditActor.Citizen(account), action, new AuditSubject("passkey", passkeyId.ToString("D", CultureInfo.InvariantCulture)),
                null, AuditOutcomes.Success, null, "Identity", detail, envelope.MessageId),
            cancellationToken);
    }
}
