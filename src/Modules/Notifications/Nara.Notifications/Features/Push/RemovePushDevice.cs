using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;

namespace Nara.Notifications.Features.Push;

/// <summary>Forgets one of the citizen's own devices; false when there is no such device of theirs.</summary>
internal sealed class RemovePushDevice(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<bool> RemoveAsync(Guid accountId, Guid deviceId, CancellationToken ct)
    {
        var device = await db.PushDevices.FirstOrDefaultAsync(d => d.Id == deviceId && d.AccountId == accountId, ct);
        if (device is null)
        {
            return false;
        }

        db.PushDevices.Remove(device);
        db.Publish(new NotificationPreferencesChanged(accountId, NotificationPreferenceChanges.PushDeviceRemoved, null, null, null, $"{device.Id:D} {device.Label}"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
