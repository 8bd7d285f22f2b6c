using Nara.Notifications.Contracts;

namespace Nara.Notifications.Preferences;

/// <summary>
/// Decides how a recipient is reached for a kind of message: which channels, in which language, from
/// when (quiet hours), and at which addresses. The sender renders and queues one message per channel.
/// </summary>
internal interface IRecipientPreferences
{
    /// <param name="forcedChannel">A channel the sender insists on (e.g. a code sent to the contact being proved).</param>
    /// <param name="severity">For disaster alerts, one of <see cref="NotificationSeverities"/>; critical ones ignore opt-outs and quiet hours.</param>
    Task<RecipientPlan> PlanAsync(NotificationRecipient recipient, string kind, string? forcedChannel, string? severity, CancellationToken ct);
}

/// <param name="Channels">Channel names to send on, in order; empty when the recipient cannot be reached.</param>
/// <param name="Language">"ko" or "en".</param>
/// <param name="NotBefore">The earliest send time (end of quiet hours); null sends now.</param>
/// <param name="Problem">Why the recipient cannot be reached (unknown resident, no contact for the forced channel).</param>
/// <param name="OptedOut">The recipient switched this kind of message off: nothing is sent, and that is not an error.</param>
internal sealed record RecipientPlan(
    IReadOnlyList<string> Channels,
    string Language,
    DateTimeOffset? NotBefore,
    RecipientContacts Contacts,
    string? Problem = null,
    bool OptedOut = false);

/// <summary>The addresses resolved for the recipient: explicit ones first, then the resident record.</summary>
internal sealed record RecipientContacts(Guid? AccountId, string? Email, string? PhoneNumber);
