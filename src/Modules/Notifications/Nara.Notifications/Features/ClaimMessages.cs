using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>
/// Takes due messages for one dispatcher with a single conditional UPDATE: the lease conditions are
/// repeated outside the sub-select, so when two hosts race for a row (PostgreSQL re-checks them after
/// the row lock; SQLite runs one writer at a time) only one of them gets it. A lease that expired
/// (its host died) makes the row claimable again.
/// </summary>
internal sealed class ClaimMessages(NotificationsDbContext db, TimeProvider clock, IOptions<NotificationsOptions> options)
{
    public async Task<IReadOnlyList<Message>> ClaimAsync(string owner, int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var due = db.Messages
            .Where(m => (m.Status == MessageStatus.Created || m.Status == MessageStatus.Sending)
                && m.NextAttemptAt <= now
                && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(batchSize)
            .Select(m => m.Id);
        var claimed = await db.Messages
            .Where(m => due.Contains(m.Id)
                && (m.Status == MessageStatus.Created || m.Status == MessageStatus.Sending)
                && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LeaseOwner, owner)
                    .SetProperty(m => m.LeaseExpiresAt, until)
                    .SetProperty(m => m.Status, MessageStatus.Sending)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                ct);
        if (claimed == 0)
        {
            return [];
        }

        return await db.Messages.AsNoTracking().Where(m => m.LeaseOwner == owner && m.LeaseExpiresAt == until).ToListAsync(ct);
    }

    /// <summary>Gives back messages this owner claimed but did not send (shutdown), for another host to take at once.</summary>
    public Task<int> ReleaseAsync(string owner, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Messages
            .Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts - 1),
                ct);
}
