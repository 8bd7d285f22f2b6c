using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;
using Nara.Kernel.Security;

namespace Nara.Audit.Features;

/// <summary>Every sign-in is logged: who, for which agency and with which roles, by which method.</summary>
internal sealed class RecordSignIn(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<AccountSignedIn>
{
    public async Task HandleAsync(IntegrationEventEnvelope<AccountSignedIn> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var signIn = envelope.Event;
        var id = signIn.AccountId.ToString("D", CultureInfo.InvariantCulture);
        var roles = signIn.Roles.Trim();
        var actor = signIn.ActorKind == ActorKinds.Official
            ? AuditActor.Official(id, signIn.Agency ?? "unknown", roles.Length == 0 ? "none" : roles)
            : AuditActor.Citizen(id);
        await log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                actor,
                "identity.sign-in",
                new AuditSubject("account", id),
                Purpose: null,
                AuditOutcomes.Success,
                CorrelationId: null,
                "Identity",
                new Dictionary<string, string> { ["method"] = signIn.Method },
                envelope.MessageId),
            cancellationToken);
    }
}
