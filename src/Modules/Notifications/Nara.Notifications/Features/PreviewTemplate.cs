using Nara.Notifications.Contracts;
using Nara.Notifications.Domain;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>A rendered template as each channel would show it.</summary>
internal sealed record TemplatePreview(
    string TemplateId, int Version, string Language, string Subject, string Text, string Html,
    string SmsText, int SmsBytes, string? SmsClass, IReadOnlyList<string> Placeholders, IReadOnlyList<string> SampleValuesUsed);

/// <summary>
/// Renders a template with the values given; any placeholder without a value gets a sample ("[name]"),
/// and conditional text is shown, so an editor sees every part of the message.
/// </summary>
internal static class PreviewTemplate
{
    public static TemplatePreview Render(NotificationTemplate template, string language, IReadOnlyDictionary<string, string>? values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var variant = TemplateVariant.Of(template, language);
        var names = TemplateText.Names(variant.Subject).Concat(TemplateText.Names(variant.Body)).Concat(TemplateText.Names(variant.SmsBody)).Distinct().ToList();
        var given = values ?? new Dictionary<string, string>();
        var samples = names.Where(n => !given.ContainsKey(n)).ToList();
        var all = new Dictionary<string, string>(given);
        foreach (var name in samples)
        {
            all[name] = IsFlag(variant, name) ? "yes" : $"[{name}]";
        }

        var subject = TemplateText.Render(variant.Subject, all);
        var text = TemplateText.Tidy(TemplateText.Render(variant.Body, all));
        var sms = TemplateText.Tidy(TemplateText.Render(variant.SmsBody ?? variant.Body, all));
        return new TemplatePreview(
            template.Id, template.Version, variant.Language, subject, text, EmailHtml.Build(subject, text, variant.Language),
            sms, SmsLength.Bytes(sms), SmsLength.Class(sms), names, samples);
    }

    private static bool IsFlag(TemplateVariant v, string name) =>
        $"{v.Subject}\n{v.Body}\n{v.SmsBody}".Contains($"(({name}??", StringComparison.Ordinal);

    public static bool IsKnownChannel(string channel) => NotificationChannels.All.Contains(channel);
}
