using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Notifications.Contracts;

namespace Nara.Audit.Features;

/// <summary>
/// A citizen's change to how they are notified: which kinds and channels, quiet hours, language, or a
/// push device added or removed (by its id and label). Never an address, a number or a push endpoint.
/// </summary>
internal sealed class RecordNotificationPreferences(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<NotificationPreferencesChanged>
{
    public Task HandleAsync(IntegrationEventEnvelope<NotificationPreferencesChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var account = e.AccountId.ToString("D", CultureInfo.InvariantCulture);
        var detail = new Dictionary<string, string>();
        Add(detail, "kinds", e.ChangedKinds);
        Add(detail, "quietHours", e.QuietHours);
        Add(detail, "language", e.Language);
        Add(detail, "device", e.Device);
        return log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.Citizen(account),
                $"notifications.{e.Change}",
                new AuditSubject("notification-preferences", account),
                Purpose: null,
                AuditOutcomes.Success,
                CorrelationId: null,
                "Notifications",
                detail,
                envelope.MessageId),
            cancellationToken);
    }

    private static void Add(Dictionary<string, string> detail, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            detail[key] = value.Length <= 500 ? value : value[..497] + "...";
        }
    }
}
