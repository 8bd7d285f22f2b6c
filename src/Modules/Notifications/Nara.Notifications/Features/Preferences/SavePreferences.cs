using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Localization;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Preferences;

namespace Nara.Notifications.Features.Preferences;

/// <summary>
/// Stores a citizen's choices and, in the same transaction, publishes what changed for Audit (kinds,
/// channels, quiet hours, language; never a contact). Security messages keep at least one channel.
/// </summary>
internal sealed class SavePreferences(NotificationsDbContext db, TimeProvider clock)
{
    /// <summary>Null when saved; otherwise a plain-language reason in the reader's language.</summary>
    public async Task<string?> SaveAsync(Guid accountId, PreferenceChoices choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (Validate(choices) is { } error)
        {
            return error;
        }

        var stored = await db.Preferences.FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        var before = LoadPreferences.Effective(stored);
        var now = clock.GetUtcNow();
        if (stored is null)
        {
            stored = new NotificationPreference { AccountId = accountId };
            db.Preferences.Add(stored);
        }

        stored.Channels = PreferenceChoices.Kinds.ToDictionary(k => k, k => choices.Channels.TryGetValue(k, out var c) ? c : []);
        stored.QuietStart = choices.QuietStart;
        stored.QuietEnd = choices.QuietEnd;
        stored.Language = choices.Language;
        stored.UpdatedAt = now;

        var changedKinds = PreferenceChoices.Kinds
            .Where(k => !Same(before.Channels[k], stored.ChannelsFor(k) ?? []))
            .Select(k => $"{k}={string.Join(',', stored.ChannelsFor(k) ?? [])}")
            .ToList();
        var quietBefore = QuietHours.Describe(before.QuietStart, before.QuietEnd);
        var quietAfter = QuietHours.Describe(stored.QuietStart, stored.QuietEnd);
        if (changedKinds.Count > 0 || quietBefore != quietAfter || before.Language != stored.Language)
        {
            db.Publish(
                new NotificationPreferencesChanged(
                    accountId,
                    NotificationPreferenceChanges.Preferences,
                    changedKinds.Count == 0 ? null : string.Join(' ', changedKinds),
                    quietBefore == quietAfter ? null : quietAfter,
                    before.Language == stored.Language ? null : stored.Language),
                now);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string? Validate(PreferenceChoices choices)
    {
        if (choices.Channels.Keys.Any(k => !NotificationKinds.All.Contains(k))
            || choices.Channels.Values.Any(v => v.Any(c => !NotificationChannels.All.Contains(c))))
        {
            return Bilingual.L("알 수 없는 알림 종류나 받는 방법이 있습니다.", "There is an unknown kind of message or channel.");
        }

        if (!choices.Channels.TryGetValue(NotificationKinds.Security, out var security) || security.Count == 0)
        {
            return Bilingual.L("보안 알림은 끌 수 없습니다. 받을 방법을 하나 이상 고르세요.", "Security messages cannot be switched off. Choose at least one way to receive them.");
        }

        if ((choices.QuietStart is null) != (choices.QuietEnd is null) || (choices.QuietStart is { } s && s == choices.QuietEnd))
        {
            return Bilingual.L("방해 금지 시간의 시작과 끝을 서로 다른 시각으로 입력하세요.", "Enter a different start and end time for quiet hours.");
        }

        return choices.Language is "ko" or "en" ? null : Bilingual.L("언어는 한국어나 영어를 고르세요.", "Choose Korean or English.");
    }

    private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Order().SequenceEqual(b.Order());
}
