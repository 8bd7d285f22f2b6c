using Microsoft.EntityFrameworkCore;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Exchange.Features.Mediation;

namespace Nara.Exchange.Features.Administration;

/// <summary>Lets a registered client subsystem call a service. Granted by the service's owner (or the platform).</summary>
internal sealed class GrantAccess(ExchangeDbContext db, ExchangeDirectory directory, TimeProvider clock)
{
    public async Task<AdminResult> ExecuteAsync(ExchangeAdministrator admin, string serviceId, string? clientId, CancellationToken ct)
    {
        var owner = await OwnerAgency.OfServiceAsync(db, serviceId, ct);
        if (owner is null)
        {
            return AdminResult.Missing("No such service.");
        }

        if (!admin.MayManage(owner.Agency))
        {
            return AdminResult.Denied;
        }

        if (clientId is null || !await db.Subsystems.AnyAsync(s => s.Id == clientId, ct))
        {
            return AdminResult.Invalid("client", "The client must be a registered subsystem (INSTANCE/CLASS/MEMBER/SUBSYSTEM).");
        }

        if (await db.AccessRights.AnyAsync(r => r.ServiceId == serviceId && r.ClientId == clientId, ct))
        {
            return AdminResult.Clash("The client already holds this access right.");
        }

        var now = clock.GetUtcNow();
        var right = new AccessRight { Id = Guid.CreateVersion7(now), ServiceId = serviceId, ClientId = clientId, GrantedAt = now, GrantedBy = admin.AccountId };
        db.AccessRights.Add(right);
        db.Publish(new ExchangeConfigurationChanged("access-right", $"{serviceId} <- {clientId}", "granted", admin.AccountId, admin.Agency, now), now);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return AdminResult.Done(right.Id.ToString("D"));
    }
}

/// <summary>The agency that owns a service, through its subsystem's member.</summary>
internal sealed record OwnerAgency(string? Agency)
{
    public static async Task<OwnerAgency?> OfServiceAsync(ExchangeDbContext db, string serviceId, CancellationToken ct) =>
        await (from s in db.Services
               join sub in db.Subsystems on s.SubsystemId equals sub.Id
               join m in db.Members on sub.MemberId equals m.Id
               where s.Id == serviceId
               select new OwnerAgency(m.AgencyCode)).FirstOrDefaultAsync(ct);
}
