using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features.Inbox;

/// <summary>
/// Opens one of the citizen's own items, marking it read the first time. Another account's item is
/// "not found", the same as one that does not exist, so ids reveal nothing.
/// </summary>
internal sealed class OpenInboxItem(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<InboxItem?> OpenAsync(Guid accountId, Guid itemId, CancellationToken ct)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == itemId && i.AccountId == accountId, ct);
        if (item is { ReadAt: null })
        {
            item.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return item;
    }
}
