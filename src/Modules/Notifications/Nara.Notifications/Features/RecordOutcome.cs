using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Notifications.Channels;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>An outcome to record: the message as claimed, the claim's owner and what the channel said.</summary>
internal sealed record OutcomeItem(Message Message, string Owner, DeliveryOutcome Outcome);

/// <summary>
/// Writes what a channel reported, only while this dispatcher still holds the lease. A temporary
/// failure is retried with exponential back-off until MaxAttempts, then ends as temporary-failure.
/// Every final status publishes NotificationCompleted (audit and the agency's callback) in the same
/// transaction.
/// </summary>
internal sealed class RecordOutcome(NotificationsDbContext db, TimeProvider clock, IOptions<NotificationsOptions> options)
{
    /// <summary>Records one outcome in its own transaction.</summary>
    public async Task<bool> RecordAsync(Message message, string owner, DeliveryOutcome outcome, CancellationToken ct) =>
        (await RecordBatchAsync([new OutcomeItem(message, owner, outcome)], ct))[0];

    /// <summary>
    /// Records several outcomes in one transaction (the dispatcher's group commit): true for each one
    /// whose lease was still held, false where another host took the message over.
    /// </summary>
    public async Task<IReadOnlyList<bool>> RecordBatchAsync(IReadOnlyList<OutcomeItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = clock.GetUtcNow();
        var recorded = new bool[items.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            recorded[i] = await StageAsync(items[i], now, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return recorded;
    }

    private async Task<bool> StageAsync(OutcomeItem item, DateTimeOffset now, CancellationToken ct)
    {
        var (message, owner, outcome) = item;
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(outcome);
        var o = options.Value;
        var reason = outcome.Reason is { Length: > 500 } r ? r[..500] : outcome.Reason;
        var status = outcome.Kind switch
        {
            DeliveryOutcomeKind.Delivered => MessageStatus.Delivered,
            DeliveryOutcomeKind.PermanentFailure => MessageStatus.PermanentFailure,
            DeliveryOutcomeKind.TechnicalFailure => MessageStatus.TechnicalFailure,
            _ when message.Attempts >= o.MaxAttempts => MessageStatus.TemporaryFailure,
            _ => null,
        };

        // Only while this dispatcher still holds the lease: if it ran out and another host took the
        // message, that host's outcome counts, not ours.
        var mine = db.Messages.Where(m => m.Id == message.Id && m.LeaseOwner == owner && m.Status == MessageStatus.Sending);
        if (status is null)
        {
            var delay = TimeSpan.FromSeconds(o.RetryBaseSeconds * Math.Pow(2, Math.Min(message.Attempts - 1, 16)));
            return await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, now + delay)
                    .SetProperty(m => m.Reason, reason)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null),
                ct) == 1;
        }

        DateTimeOffset? sentAt = status == MessageStatus.Delivered ? now : null;
        var updated = await mine.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, status)
                .SetProperty(m => m.Reason, reason)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.CompletedAt, now)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null),
            ct);
        if (updated == 0)
        {
            return false;
        }

        db.Publish(Completed(message, status, reason, sentAt, now), now);
        return true;
    }

    private static NotificationCompleted Completed(Message m, string status, string? reason, DateTimeOffset? sentAt, DateTimeOffset now) => new(
        m.Id, m.RequestId, m.ClientId, m.Reference, m.Channel, m.TemplateId, m.TemplateVersion, m.Kind, m.AccountId,
        status, reason, m.Attempts, m.CreatedAt, sentAt, now, m.Test);
}
