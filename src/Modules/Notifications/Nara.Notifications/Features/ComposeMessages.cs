using Nara.Notifications.Channels;
using Nara.Notifications.Contracts;
using Nara.Notifications.Domain;
using Nara.Notifications.Preferences;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>What a caller asks to send to one recipient.</summary>
internal sealed record SendInput(
    NotificationRecipient Recipient,
    IReadOnlyDictionary<string, string> Personalisation,
    string? Kind = null,
    string? Channel = null,
    string? Language = null,
    string? Reference = null,
    string? Severity = null);

/// <summary>One rendered message, ready to be stored.</summary>
internal sealed record ComposedMessage(
    string Channel, string To, Guid? AccountId, string Language, string Kind, string? Subject, string Body, DateTimeOffset? NotBefore, string? Reference);

/// <summary>Either the messages or an error naming the field at fault (for the 400 problem details).</summary>
internal sealed record Composition(IReadOnlyList<ComposedMessage> Messages, string? Field = null, string? Error = null)
{
    public static Composition Fail(string field, string error) => new([], field, error);
}

/// <summary>
/// Validates and renders a send for one recipient: channels from the recipient's plan (only those
/// Nara has), the template variant in the right language, every placeholder filled, addresses valid,
/// SMS within 2,000 bytes. Nothing here writes: a refused send queues nothing.
/// </summary>
internal sealed class ComposeMessages(IRecipientPreferences preferences, IEnumerable<IDeliveryChannel> channels)
{
    private readonly HashSet<string> _available = [.. channels.Select(c => c.Name)];

    public async Task<Composition> ComposeAsync(NotificationTemplate template, SendInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Channel is { } forced && !NotificationChannels.All.Contains(forced))
        {
            return Composition.Fail("channel", $"Unknown channel '{forced}'; use one of {string.Join(", ", NotificationChannels.All)}.");
        }

        if (input.Channel is { } wanted && !_available.Contains(wanted))
        {
            return Composition.Fail("channel", $"The channel '{wanted}' is not available on this Nara.");
        }

        if (input.Language is not (null or "ko" or "en"))
        {
            return Composition.Fail("language", "Language must be 'ko' or 'en'.");
        }

        var kind = input.Kind ?? template.Kind;
        if (!NotificationKinds.All.Contains(kind))
        {
            return Composition.Fail("kind", $"Unknown kind '{kind}'.");
        }

        if (input.Severity is not (null or NotificationSeverities.Critical or NotificationSeverities.Severe or NotificationSeverities.Moderate or NotificationSeverities.Minor))
        {
            return Composition.Fail("severity", $"Severity must be one of {string.Join(", ", NotificationSeverities.All)}.");
        }

        var plan = await preferences.PlanAsync(input.Recipient ?? new NotificationRecipient(), kind, input.Channel, input.Severity, ct);
        if (plan.Problem is not null)
        {
            return Composition.Fail("recipient", plan.Problem);
        }

        if (plan.OptedOut)
        {
            // The citizen switched this kind off: accepted, and nothing goes out.
            return new Composition([]);
        }

        var usable = plan.Channels.Where(_available.Contains).ToList();
        if (usable.Count == 0)
        {
            return Composition.Fail("recipient", "None of the recipient's channels is available.");
        }

        var language = input.Language ?? plan.Language;
        var variant = TemplateVariant.Of(template, language);
        var values = input.Personalisation ?? new Dictionary<string, string>();
        List<ComposedMessage> messages = [];
        foreach (var channel in usable)
        {
            var body = channel == NotificationChannels.Sms ? variant.SmsBody ?? variant.Body : variant.Body;
            var missing = TemplateText.Missing(body, values).Concat(TemplateText.Missing(variant.Subject, values)).Distinct().ToList();
            if (missing.Count > 0)
            {
                return Composition.Fail("personalisation", $"Missing personalisation: {string.Join(", ", missing)}.");
            }

            var text = TemplateText.Tidy(TemplateText.Render(body, values));
            var subject = TemplateText.Render(variant.Subject, values).ReplaceLineEndings(" ").Trim();
            var (to, error) = Address(channel, plan.Contacts);
            if (error is not null)
            {
                return Composition.Fail("recipient", error);
            }

            if (channel == NotificationChannels.Sms && SmsLength.Class(text) is null)
            {
                return Composition.Fail("personalisation", $"The SMS text is {SmsLength.Bytes(text)} bytes; the limit is {SmsLength.LmsBytes}.");
            }

            messages.Add(new ComposedMessage(channel, to!, plan.Contacts.AccountId, variant.Language, kind, subject, text, plan.NotBefore, input.Reference));
        }

        return new Composition(messages);
    }

    private static (string? To, string? Error) Address(string channel, RecipientContacts contacts) => channel switch
    {
        NotificationChannels.Email => Addresses.IsEmail(contacts.Email) ? (contacts.Email, null) : (null, "The email address is not valid."),
        NotificationChannels.Sms => Addresses.NormalizeMobile(contacts.PhoneNumber) is { } mobile ? (mobile, null) : (null, "The mobile number is not a valid Korean mobile number."),
        _ => contacts.AccountId is { } account ? (account.ToString("D"), null) : (null, $"The channel '{channel}' needs an account."),
    };
}

/// <summary>The language variant of a template; English falls back to Korean when there is none.</summary>
internal sealed record TemplateVariant(string Language, string Subject, string Body, string? SmsBody)
{
    public static TemplateVariant Of(NotificationTemplate t, string language) =>
        language == "en" && !string.IsNullOrWhiteSpace(t.BodyEn)
            ? new TemplateVariant("en", t.SubjectEn ?? t.SubjectKo, t.BodyEn, t.SmsBodyEn)
            : new TemplateVariant("ko", t.SubjectKo, t.BodyKo, t.SmsBodyKo);
}
