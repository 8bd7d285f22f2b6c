using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Kernel.Paging;

namespace Nara.Audit.Features;

/// <summary>What an auditor may filter on; every field optional, exact matches, time as [From, To).</summary>
internal sealed record AuditSearch(string? Actor, string? SubjectType, string? SubjectId, string? Action, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Newest first; the same query will serve the citizen's "who used my data" page by subject.</summary>
internal sealed class SearchAuditLog(AuditDbContext db)
{
    public async Task<Page<AuditRecord>> SearchAsync(AuditSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = db.Entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Actor))
        {
            query = query.Where(e => e.ActorId == search.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search.SubjectType))
        {
            query = query.Where(e => e.SubjectType == search.SubjectType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search.SubjectId))
        {
            query = query.Where(e => e.SubjectId == search.SubjectId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search.Action))
        {
            query = query.Where(e => e.Action == search.Action.Trim());
        }

        if (search.From is { } from)
        {
            var micros = ToMicros(from);
            query = query.Where(e => e.TimeMicros >= micros);
        }

        if (search.To is { } to)
        {
            var micros = ToMicros(to);
            query = query.Where(e => e.TimeMicros < micros);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.TimeMicros).ThenByDescending(e => e.Index)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<AuditRecord>(items, page.Page, page.PageSize, total);
    }

    private static long ToMicros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
