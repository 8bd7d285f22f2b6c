using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features.Preferences;

/// <summary>A citizen's stored preferences filled out with the defaults, and their push devices.</summary>
internal sealed class LoadPreferences(NotificationsDbContext db)
{
    public async Task<PreferenceChoices> LoadAsync(Guid accountId, CancellationToken ct) =>
        Effective(await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct));

    public async Task<IReadOnlyList<PushDevice>> DevicesAsync(Guid accountId, CancellationToken ct) =>
        await db.PushDevices.AsNoTracking().Where(d => d.AccountId == accountId).OrderBy(d => d.CreatedAt).ToListAsync(ct);

    public static PreferenceChoices Effective(NotificationPreference? stored) => new(
        PreferenceChoices.Kinds.ToDictionary(k => k, k => stored?.ChannelsFor(k) ?? PreferenceChoices.DefaultChannels),
        stored is { HasQuietHours: true } ? stored.QuietStart : null,
        stored is { HasQuietHours: true } ? stored.QuietEnd : null,
        stored?.Language ?? "ko");
}
