using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Time;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>
/// Counts messages per client per Korean calendar day with a conditional UPDATE (count + n ≤ cap), so
/// the cap holds with several hosts. Call inside the transaction that stores the messages.
/// </summary>
internal static class DailyCap
{
    public static async Task<bool> TryConsumeAsync(NotificationsDbContext db, SendCaller caller, int count, DateTimeOffset now, CancellationToken ct)
    {
        if (caller.DailyCap is not { } cap)
        {
            return true;
        }

        if (count > cap)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(KoreaTime.ToSeoul(now).DateTime);
        var updated = await db.DailyUsage
            .Where(u => u.ClientId == caller.ClientId && u.Day == day && u.Count + count <= cap)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Count, u => u.Count + count), ct);
        if (updated == 1)
        {
            return true;
        }

        if (await db.DailyUsage.AnyAsync(u => u.ClientId == caller.ClientId && u.Day == day, ct))
        {
            return false;
        }

        db.DailyUsage.Add(new DailyUsage { ClientId = caller.ClientId, Day = day, Count = count });
        return true;
    }
}
