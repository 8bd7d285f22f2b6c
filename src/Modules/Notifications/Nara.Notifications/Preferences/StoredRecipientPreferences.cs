using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;

namespace Nara.Notifications.Preferences;

/// <summary>
/// The citizen's stored choices on top of the default plan: channels per kind (the default plan when
/// nothing is stored), push when they have a device, quiet hours and language. Security messages cannot
/// be switched off; disaster alerts skip quiet hours; critical disaster alerts also ignore opt-outs and
/// go out on every channel the citizen can be reached on.
/// </summary>
internal sealed class StoredRecipientPreferences(DefaultRecipientPreferences defaults, NotificationsDbContext db, TimeProvider clock) : IRecipientPreferences
{
    public async Task<RecipientPlan> PlanAsync(NotificationRecipient recipient, string kind, string? forcedChannel, string? severity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var forcedPush = forcedChannel == NotificationChannels.Push;
        var plan = await defaults.PlanAsync(recipient, kind, forcedPush ? null : forcedChannel, severity, ct);
        if (plan.Problem is not null || plan.Contacts.AccountId is not { } accountId)
        {
            return forcedPush ? plan with { Channels = [], Problem = plan.Problem ?? "Push needs an account." } : plan;
        }

        var stored = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        var hasPush = await db.PushDevices.AnyAsync(d => d.AccountId == accountId, ct);
        var critical = kind == NotificationKinds.DisasterAlerts && severity == NotificationSeverities.Critical;
        var exempt = kind is NotificationKinds.Security or NotificationKinds.DisasterAlerts;
        var language = stored?.Language ?? plan.Language;
        var notBefore = !exempt && stored is { HasQuietHours: true }
            ? QuietHours.EndIfQuiet(stored.QuietStart!.Value, stored.QuietEnd!.Value, clock.GetUtcNow())
            : null;
        plan = plan with { Language = language, NotBefore = notBefore };

        if (forcedPush)
        {
            return hasPush ? plan with { Channels = [NotificationChannels.Push] } : plan with { Channels = [], Problem = "The recipient has no device for push messages." };
        }

        if (forcedChannel is not null)
        {
            return plan;
        }

        List<string> reachable = [.. plan.Channels];
        if (hasPush)
        {
            reachable.Add(NotificationChannels.Push);
        }

        if (critical)
        {
            return plan with { Channels = reachable };
        }

        if (stored?.ChannelsFor(kind) is not { } chosen)
        {
            return plan;
        }

        var usable = reachable.Where(chosen.Contains).ToList();
        if (usable.Count > 0)
        {
            return plan with { Channels = usable };
        }

        // Security messages cannot be switched off; a choice whose contact is missing falls back to the default.
        return chosen.Count == 0 && kind != NotificationKinds.Security
            ? plan with { Channels = [], OptedOut = true }
            : plan;
    }
}
