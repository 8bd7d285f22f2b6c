using Nara.Notifications.Contracts;

namespace Nara.Notifications.Features.Preferences;

/// <summary>A citizen's preferences as the settings page shows and posts them.</summary>
/// <param name="Channels">Every kind with its channels; a kind never chosen shows the default plan's channels.</param>
/// <param name="QuietStart">Korea time; null when there are no quiet hours.</param>
internal sealed record PreferenceChoices(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Channels,
    TimeOnly? QuietStart,
    TimeOnly? QuietEnd,
    string Language)
{
    /// <summary>What the default plan does when the contact is known: inbox, email and SMS; push only once chosen.</summary>
    public static IReadOnlyList<string> DefaultChannels { get; } = [NotificationChannels.Inbox, NotificationChannels.Email, NotificationChannels.Sms];

    /// <summary>The kinds a citizen chooses channels for, in the order the page lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        NotificationKinds.Benefits, NotificationKinds.DueDates, NotificationKinds.CaseUpdates,
        NotificationKinds.DisasterAlerts, NotificationKinds.Security, NotificationKinds.General,
    ];

    public bool Has(string kind, string channel) => Channels.TryGetValue(kind, out var list) && list.Contains(channel);
}
