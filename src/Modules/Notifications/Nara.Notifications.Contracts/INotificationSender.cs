namespace Nara.Notifications.Contracts;

/// <summary>
/// Sends a notification now and says what became of the request. For messages that announce a change
/// in another module, publish <see cref="NotificationRequested"/> from that module's outbox instead.
/// </summary>
public interface INotificationSender
{
    /// <summary>Validates, renders and queues; refuses (nothing queued) when the template is unknown,
    /// a placeholder has no value, an address is invalid or an SMS is too long.</summary>
    Task<NotificationSendResult> SendAsync(NotificationRequested request, CancellationToken cancellationToken);
}

/// <summary>Either queued messages (one per channel) or an <see cref="Error"/> saying plainly what was wrong.</summary>
/// <param name="Duplicate">True when the idempotency key was seen before; the earlier messages are returned.</param>
public sealed record NotificationSendResult(IReadOnlyList<Guid> MessageIds, bool Duplicate, string? Error)
{
    public bool Succeeded => Error is null;
}
