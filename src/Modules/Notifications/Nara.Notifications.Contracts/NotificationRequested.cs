using Nara.Kernel.Events;

namespace Nara.Notifications.Contracts;

/// <summary>
/// A module asks Nara to tell someone something. Published through the sender's own outbox, in the same
/// transaction as the change it announces, so the change and the message cannot diverge; the
/// Notifications module renders the template, picks channels by the recipient's preferences and tracks
/// delivery. Re-delivery of the event is harmless: <see cref="IdempotencyKey"/> makes it one message.
/// </summary>
/// <param name="TemplateId">A template owned by the Notifications module or an agency, e.g. "identity.enrolment-code".</param>
/// <param name="Recipient">Who receives it; at least one way of reaching them.</param>
/// <param name="Personalisation">Values for the template's ((placeholders)); never whole personal records.</param>
/// <param name="Kind">What sort of message, which decides the recipient's channel preferences and quiet hours.</param>
/// <param name="IdempotencyKey">Unique per intended message within the sending module, e.g. "enrolment:{id}".</param>
/// <param name="Channel">Forces one channel ("email", "sms", "inbox", "push"), e.g. a code sent to the contact being proved; null lets preferences decide.</param>
/// <param name="Language">"ko" or "en"; null uses the recipient's preference, else Korean.</param>
/// <param name="Severity">For disaster alerts: one of <see cref="NotificationSeverities"/>; "critical" ignores opt-outs and quiet hours.</param>
public sealed record NotificationRequested(
    string TemplateId,
    NotificationRecipient Recipient,
    IReadOnlyDictionary<string, string> Personalisation,
    string Kind,
    string IdempotencyKey,
    string? Channel = null,
    string? Language = null,
    string? Severity = null) : IIntegrationEvent;

/// <param name="AccountId">An Identity account (for the inbox, push and preferences).</param>
/// <param name="ResidentId">A resident in the Registries (contacts come from the resident record).</param>
/// <param name="Email">An explicit address, used as given.</param>
/// <param name="PhoneNumber">An explicit mobile number, e.g. 010-1234-5678.</param>
public sealed record NotificationRecipient(
    Guid? AccountId = null,
    string? ResidentId = null,
    string? Email = null,
    string? PhoneNumber = null);

/// <summary>The kinds of message a citizen sets preferences for.</summary>
public static class NotificationKinds
{
    public const string Benefits = "benefits";
    public const string DueDates = "due-dates";
    public const string CaseUpdates = "case-updates";
    /// <summary>Sent in quiet hours too; the critical level ignores opt-outs, as the law requires.</summary>
    public const string DisasterAlerts = "disaster-alerts";
    /// <summary>Sign-in codes, new passkeys, recovery: sent in quiet hours and cannot be switched off.</summary>
    public const string Security = "security";
    public const string General = "general";

    public static IReadOnlyList<string> All { get; } = [Benefits, DueDates, CaseUpdates, DisasterAlerts, Security, General];
}

/// <summary>How urgent a disaster alert is (CAP severity, lower-cased). Only the critical level overrides preferences.</summary>
public static class NotificationSeverities
{
    /// <summary>As the law requires, sent on every channel the recipient can be reached on, at any hour, opt-outs or not.</summary>
    public const string Critical = "critical";
    public const string Severe = "severe";
    public const string Moderate = "moderate";
    public const string Minor = "minor";

    public static IReadOnlyList<string> All { get; } = [Critical, Severe, Moderate, Minor];
}

/// <summary>The delivery channels.</summary>
public static class NotificationChannels
{
    public const string Inbox = "inbox";
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Push = "push";

    public static IReadOnlyList<string> All { get; } = [Inbox, Email, Sms, Push];
}
