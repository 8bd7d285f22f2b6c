using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Paging;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;

namespace Nara.Notifications.Features.Inbox;

/// <summary>One line of the inbox list.</summary>
internal sealed record InboxLine(Guid Id, string Kind, string Subject, DateTimeOffset CreatedAt, bool Read);

/// <summary>
/// Reads a citizen's inbox: newest first, the inbox or the archive, and the unread count for the header.
/// Every query is filtered by the account, so a citizen never sees another's items.
/// </summary>
internal sealed class InboxQueries(NotificationsDbContext db) : IInboxSummary
{
    public async Task<Page<InboxLine>> ListAsync(Guid accountId, bool archived, PageRequest page, CancellationToken ct)
    {
        var items = db.InboxItems.AsNoTracking()
            .Where(i => i.AccountId == accountId && (archived ? i.ArchivedAt != null : i.ArchivedAt == null));
        var total = await items.LongCountAsync(ct);
        var lines = await items
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(i => new InboxLine(i.Id, i.Kind, i.Subject, i.CreatedAt, i.ReadAt != null))
            .ToListAsync(ct);
        return new Page<InboxLine>(lines, page.Page, page.PageSize, total);
    }

    public Task<int> UnreadCountAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.InboxItems.CountAsync(i => i.AccountId == accountId && i.ReadAt == null && i.ArchivedAt == null, cancellationToken);
}
