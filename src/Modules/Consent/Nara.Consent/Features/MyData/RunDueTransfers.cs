using Microsoft.EntityFrameworkCore;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.MyData;

/// <summary>
/// The scheduler's step (run by the background worker on the injected clock): every transfer whose next period is
/// due gets that period's data made available to its recipient, if its consent is still given; a monthly transfer
/// then moves to the same day next month until its end date. Returns how many periods were opened.
/// </summary>
internal sealed class RunDueTransfers(ConsentDbContext db, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = ConsentTime.Now(clock);
        var due = await db.MyDataTransfers
            .Where(t => t.State == MyDataTransferStates.Active && t.NextRunAt != null && t.NextRunAt <= now)
            .OrderBy(t => t.NextRunAt).Take(100).ToListAsync(ct);
        foreach (var transfer in due)
        {
            var consented = await db.ConsentRecords.AsNoTracking()
                .AnyAsync(r => r.Id == transfer.ConsentRecordId && r.OptIn && (r.ValidUntil == null || r.ValidUntil > now), ct);
            if (!consented)
            {
                transfer.State = MyDataTransferStates.Withdrawn; // withdrawn (or expired) on the dashboard
                transfer.WithdrawnAt ??= now;
                transfer.NextRunAt = null;
                continue;
            }

            transfer.Periods++;
            db.MyDataPackages.Add(new MyDataPackage { Id = Guid.NewGuid(), TransferId = transfer.Id, Sequence = transfer.Periods, AvailableAt = now });
            var next = transfer.Schedule == MyDataSchedules.Monthly ? transfer.NextRunAt!.Value.AddMonths(1) : (DateTimeOffset?)null;
            transfer.NextRunAt = next is { } n && transfer.EndsAt is { } end && n <= end ? n : null;
            if (transfer.NextRunAt is null)
            {
                transfer.State = MyDataTransferStates.Ended;
            }
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
