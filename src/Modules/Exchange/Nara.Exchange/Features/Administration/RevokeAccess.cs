using Microsoft.EntityFrameworkCore;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Features.Mediation;

namespace Nara.Exchange.Features.Administration;

/// <summary>Takes an access right away; the next request of that client is refused.</summary>
internal sealed class RevokeAccess(ExchangeDbContext db, ExchangeDirectory directory, TimeProvider clock)
{
    public async Task<AdminResult> ExecuteAsync(ExchangeAdministrator admin, string serviceId, Guid rightId, CancellationToken ct)
    {
        var right = await db.AccessRights.FirstOrDefaultAsync(r => r.Id == rightId && r.ServiceId == serviceId, ct);
        var owner = await OwnerAgency.OfServiceAsync(db, serviceId, ct);
        if (right is null || owner is null)
        {
            return AdminResult.Missing("No such access right on this service.");
        }

        if (!admin.MayManage(owner.Agency))
        {
            return AdminResult.Denied;
        }

        var now = clock.GetUtcNow();
        db.AccessRights.Remove(right);
        db.Publish(new ExchangeConfigurationChanged("access-right", $"{serviceId} <- {right.ClientId}", "revoked", admin.AccountId, admin.Agency, now), now);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return AdminResult.Done(right.Id.ToString("D"));
    }
}
