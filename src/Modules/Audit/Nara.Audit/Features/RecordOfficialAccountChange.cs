using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;
using Nara.Kernel.Security;

namespace Nara.Audit.Features;

/// <summary>An agency administrator's changes to officials (invite, roles, disable, enable) are logged with the roles after the change.</summary>
internal sealed class RecordOfficialAccountChange(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<OfficialAccountChanged>
{
    public Task HandleAsync(IntegrationEventEnvelope<OfficialAccountChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var roles = e.Roles.Length <= 200 ? e.Roles : e.Roles[..197] + "...";
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.Official(e.ChangedBy.ToString("D", CultureInfo.InvariantCulture), e.Agency, NaraRoles.Administrator),
                "identity.official." + e.Change,
                new AuditSubject("account", e.AccountId.ToString("D", CultureInfo.InvariantCulture)),
                null, AuditOutcomes.Success, null, "Identity",
                new Dictionary<string, string> { ["roles"] = roles.Length == 0 ? "none" : roles },
                envelope.MessageId),
            cancellationToken);
    }
}
