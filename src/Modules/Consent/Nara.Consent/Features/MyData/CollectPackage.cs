using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.MyData;

/// <summary>
/// The recipient collects one period's data with its client credentials. Checked at collection time, so a
/// withdrawal stops it at once: the package must be this client's, not cancelled or collected, and the consent
/// record still given. The data is read from the registries now (never stored in between); the collection is
/// published (<see cref="MyDataTransferred"/>) in the same transaction, for the citizen's access log in Audit.
/// </summary>
internal sealed class CollectPackage(ConsentDbContext db, MyRegistryData registry, TimeProvider clock)
{
    public async Task<Outcome<object>> ExecuteAsync(string clientId, Guid transferId, Guid packageId, CancellationToken ct)
    {
        var transfer = await db.MyDataTransfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transferId && t.RecipientClientId == clientId, ct);
        var package = transfer is null ? null : await db.MyDataPackages.FirstOrDefaultAsync(p => p.Id == packageId && p.TransferId == transferId, ct);
        if (transfer is null || package is null)
        {
            return Outcome<object>.NotFound($"No MyData package {packageId} of transfer {transferId} for this client.");
        }

        var now = ConsentTime.Now(clock);
        var consented = await db.ConsentRecords.AsNoTracking()
            .AnyAsync(r => r.Id == transfer.ConsentRecordId && r.OptIn && (r.ValidUntil == null || r.ValidUntil > now), ct);
        if (transfer.State == MyDataTransferStates.Withdrawn || package.Cancelled || !consented)
        {
            return Outcome<object>.Forbidden("The citizen withdrew this transfer or its consent.");
        }

        if (package.CollectedAt is not null)
        {
            return Outcome<object>.Conflict("This package was already collected.");
        }

        if (await registry.ExportAsync(transfer.IndividualId, ct) is not { } export)
        {
            return Outcome<object>.NotFound("The citizen's registry data is no longer available.");
        }

        package.CollectedAt = now;
        db.Publish(new MyDataTransferred(transfer.Id, package.Id, package.Sequence, transfer.IndividualId, transfer.RecipientClientId,
            transfer.RecipientAgency, transfer.ConsentRecordId, transfer.DataAgreementId, [.. transfer.Datasets], now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<object>.Ok(new
        {
            transferId = transfer.Id, packageId = package.Id, sequence = package.Sequence, consentRecordId = transfer.ConsentRecordId,
            format = export.Format, generatedAt = export.GeneratedAt, source = export.Source,
            resident = transfer.Datasets.Contains(MyDataDatasets.Resident) ? export.Resident : null,
            household = transfer.Datasets.Contains(MyDataDatasets.Household) ? export.Household : null,
        });
    }
}
