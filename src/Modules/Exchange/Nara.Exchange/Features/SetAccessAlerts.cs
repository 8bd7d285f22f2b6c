using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Exchange.Features.Mediation;

namespace Nara.Exchange.Features;

/// <summary>The data subject switches the alert for each access to their data on or off (Notifications delivers it).</summary>
internal sealed class SetAccessAlerts(ExchangeDbContext db, AlertSubscribers subscribers, TimeProvider clock)
{
    public async Task<bool> IsOnAsync(long residentId, CancellationToken ct) =>
        (await db.AccessAlerts.FindAsync([residentId], ct))?.Enabled == true;

    public async Task ExecuteAsync(long residentId, bool enabled, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var alert = await db.AccessAlerts.FindAsync([residentId], ct);
        if (alert is null)
        {
            alert = new AccessAlert { ResidentId = residentId };
            db.AccessAlerts.Add(alert);
        }
        else if (alert.Enabled == enabled)
        {
            return;
        }

        alert.Enabled = enabled;
        alert.ChangedAt = now;
        db.Publish(new DataAccessAlertsChanged(residentId, enabled, now), now);
        await db.SaveChangesAsync(ct);
        subscribers.Invalidate();
    }
}
