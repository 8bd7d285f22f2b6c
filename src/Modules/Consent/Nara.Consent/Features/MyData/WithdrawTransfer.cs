using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.MyData;

/// <summary>
/// Stops a transfer at once: no further period is made available, uncollected data is cancelled, and the consent
/// record it rode on is withdrawn unless another active transfer to the same recipient still needs it.
/// </summary>
internal sealed class WithdrawTransfer(ConsentDbContext db, ChangeConsent change, TimeProvider clock)
{
    public async Task<bool> ExecuteAsync(string individualId, Guid transferId, ConsentActor actor, CancellationToken ct)
    {
        var transfer = await db.MyDataTransfers.FirstOrDefaultAsync(t => t.Id == transferId && t.IndividualId == individualId, ct);
        if (transfer is null || transfer.State == MyDataTransferStates.Withdrawn)
        {
            return false;
        }

        var now = ConsentTime.Now(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        transfer.State = MyDataTransferStates.Withdrawn;
        transfer.WithdrawnAt = now;
        transfer.NextRunAt = null;
        await db.MyDataPackages.Where(p => p.TransferId == transferId && p.CollectedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Cancelled, true), ct);
        await db.SaveChangesAsync(ct);
        var stillNeeded = await db.MyDataTransfers.AnyAsync(t => t.ConsentRecordId == transfer.ConsentRecordId && t.State == MyDataTransferStates.Active, ct);
        if (!stillNeeded)
        {
            var withdrawn = await change.ExecuteAsync(transfer.ConsentRecordId, individualId, optIn: false, actor, ct);
            if (withdrawn.Status is not (OutcomeStatus.Ok or OutcomeStatus.Conflict))
            {
                return false; // rolled back with the transaction
            }
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
