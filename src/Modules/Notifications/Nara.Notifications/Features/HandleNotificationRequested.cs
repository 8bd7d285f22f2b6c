using Microsoft.Extensions.Logging;
using Nara.Kernel.Events;
using Nara.Notifications.Contracts;

namespace Nara.Notifications.Features;

/// <summary>
/// Queues the message another module asked for through its outbox. Re-delivery is harmless (the
/// idempotency key makes it one message). A refused request is logged, not retried: retrying cannot
/// fix an unknown template or a missing value.
/// </summary>
internal sealed class HandleNotificationRequested(INotificationSender sender, ILogger<HandleNotificationRequested> logger)
    : IIntegrationEventHandler<NotificationRequested>
{
    public async Task HandleAsync(IntegrationEventEnvelope<NotificationRequested> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var result = await sender.SendAsync(envelope.Event, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Notification {Template} from event {Id} refused: {Error}", envelope.Event.TemplateId, envelope.MessageId, result.Error);
        }
    }
}
