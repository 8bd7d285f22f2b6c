using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;

namespace Nara.Consent.Features.MyData;

/// <summary>The collected periods of a citizen's MyData transfers, for Exchange's "who used my data" page.</summary>
internal sealed class MyDataTransferLog(ConsentDbContext db) : IMyDataTransferLog
{
    public async Task<IReadOnlyList<CollectedTransfer>> CollectionsAsync(string individualId, int limit, CancellationToken cancellationToken)
    {
        var rows = await (
            from p in db.MyDataPackages.AsNoTracking()
            join t in db.MyDataTransfers.AsNoTracking() on p.TransferId equals t.Id
            where t.IndividualId == individualId && p.CollectedAt != null
            orderby p.CollectedAt descending, p.Id descending
            select new { p, t })
            .Take(Math.Clamp(limit, 1, 500))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new CollectedTransfer(
            x.t.Id, x.p.Id, x.p.Sequence, x.t.RecipientName, x.t.RecipientAgency, x.t.Datasets, x.t.Schedule, x.t.ConsentRecordId, x.p.CollectedAt!.Value))];
    }
}
