using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;

namespace Nara.Notifications.Features.Inbox;

/// <summary>Moves one of the citizen's own items to the archive or back; false when there is no such item of theirs.</summary>
internal sealed class ArchiveInboxItem(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<bool> SetArchivedAsync(Guid accountId, Guid itemId, bool archived, CancellationToken ct)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == itemId && i.AccountId == accountId, ct);
        if (item is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        item.ArchivedAt = archived ? item.ArchivedAt ?? now : null;
        item.ReadAt ??= now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks every unarchived item of the account read.</summary>
    public Task<int> MarkAllReadAsync(Guid accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.InboxItems
            .Where(i => i.AccountId == accountId && i.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), ct);
    }
}
