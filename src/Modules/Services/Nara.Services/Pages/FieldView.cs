using System.Globalization;
using Nara.Kernel.Time;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Pages;

/// <summary>One form field as a page shows it: the typed value, its error, and where a prefilled value came from.</summary>
internal sealed record FieldView(FormField Field, string Value, string? Error, string? PrefillSource, string? FileName = null)
{
    public string InputId => $"f-{Field.Id}";

    public string ErrorId => $"f-{Field.Id}-error";

    public string HintId => $"f-{Field.Id}-hint";

    public string? DescribedBy =>
        string.Join(' ', new[] { Field.Hint is null ? null : HintId, Error is null ? null : ErrorId }.Where(x => x is not null)) is { Length: > 0 } s ? s : null;
}

/// <summary>Plain-language rendering of an answer for the review page, the citizen's application and the case page.</summary>
internal static class AnswerText
{
    public static string Of(FormField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.IsNullOrEmpty(value))
        {
            return Nara.Kernel.Localization.Bilingual.L("(입력 안 함)", "(not given)");
        }

        return field.Type switch
        {
            FieldTypes.YesNo => value == "yes" ? Nara.Kernel.Localization.Bilingual.L("예", "Yes") : Nara.Kernel.Localization.Bilingual.L("아니요", "No"),
            FieldTypes.Choice => field.Options?.FirstOrDefault(o => o.Value == value)?.Label.Current ?? value,
            FieldTypes.Money when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) =>
                Nara.Kernel.Localization.Bilingual.L($"{m:N0}원", $"KRW {m:N0}"),
            FieldTypes.File => Nara.Kernel.Localization.Bilingual.L("첨부함", "Attached"),
            _ => value,
        };
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset utc) => KoreaTime.ToSeoul(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
