using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Nara.Kernel.Localization;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Domain.Forms;

/// <summary>
/// Checks one typed field of a form definition and normalises the value (trimmed, money without
/// commas, dates as yyyy-MM-dd). Messages are plain language in the reader's language and name the
/// field, so an error summary can link to it.
/// </summary>
internal static partial class FieldValidator
{
    public const int DefaultTextLength = 200;
    public const int DefaultLongTextLength = 4_000;

    /// <summary>Null when the value is acceptable (then <paramref name="normalised"/> is what to store).</summary>
    public static string? Check(FormField field, string? raw, DateOnly today, out string normalised)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = (raw ?? "").Trim();
        normalised = value;
        var label = field.Label.Current;
        if (value.Length == 0)
        {
            return field.Required ? Required(field, label) : null;
        }

        switch (field.Type)
        {
            case FieldTypes.Number or FieldTypes.Money:
                return Number(field, label, ref normalised, allowCommas: field.Type == FieldTypes.Money);
            case FieldTypes.Date:
                return Date(field, label, today, ref normalised);
        }

        return field.Type switch
        {
            FieldTypes.Text or FieldTypes.LongText => Text(field, label, value),
            FieldTypes.Choice => field.Options!.Any(o => o.Value == value) ? null
                : Bilingual.L($"{label}: 목록에서 하나를 고르세요.", $"{label}: choose one of the options."),
            FieldTypes.YesNo => value is "yes" or "no" ? null
                : Bilingual.L($"{label}: ‘예’ 또는 ‘아니요’를 고르세요.", $"{label}: choose ‘Yes’ or ‘No’."),
            FieldTypes.Email => Email(label, value),
            FieldTypes.Phone => PhonePattern().IsMatch(value) ? null
                : Bilingual.L($"{label}: 010-1234-5678처럼 숫자와 하이픈으로 입력하세요.", $"{label}: enter a Korean phone number like 010-1234-5678."),
            FieldTypes.BankAccount => BankAccount(label, value),
            FieldTypes.File => null,
            _ => Bilingual.L($"{label}: 알 수 없는 항목입니다.", $"{label}: unknown field type."),
        };
    }

    private static string Required(FormField field, string label) => field.Type switch
    {
        FieldTypes.Choice or FieldTypes.YesNo => Bilingual.L($"{label}: 하나를 고르세요.", $"{label}: choose one."),
        FieldTypes.File => Bilingual.L($"{label}: 파일을 첨부하세요.", $"{label}: attach a file."),
        _ => Bilingual.L($"{label}: 입력하세요.", $"{label}: enter a value."),
    };

    private static string? Text(FormField field, string label, string value)
    {
        var max = field.MaxLength ?? (field.Type == FieldTypes.LongText ? DefaultLongTextLength : DefaultTextLength);
        if (value.Length > max)
        {
            return Bilingual.L($"{label}: {max}자 이하로 입력하세요.", $"{label}: use {max} characters or fewer.");
        }

        return field.Pattern is { } p && !Regex.IsMatch(value, $"^(?:{p})$", RegexOptions.None, TimeSpan.FromMilliseconds(100))
            ? Bilingual.L($"{label}: 형식이 맞지 않습니다.", $"{label}: the format is not right.")
            : null;
    }

    private static string? Number(FormField field, string label, ref string value, bool allowCommas)
    {
        var text = allowCommas ? value.Replace(",", "", StringComparison.Ordinal).Replace("원", "", StringComparison.Ordinal).Trim() : value;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || (allowCommas && (number < 0 || number != decimal.Truncate(number))))
        {
            return allowCommas
                ? Bilingual.L($"{label}: 금액을 숫자로 입력하세요 (예: 1,500,000).", $"{label}: enter an amount in won, digits only (for example 1,500,000).")
                : Bilingual.L($"{label}: 숫자로 입력하세요.", $"{label}: enter a number.");
        }

        if (field.Min is { } min && number < min)
        {
            return Bilingual.L($"{label}: {min:N0} 이상이어야 합니다.", $"{label}: must be at least {min:N0}.");
        }

        if (field.Max is { } max && number > max)
        {
            return Bilingual.L($"{label}: {max:N0} 이하여야 합니다.", $"{label}: must be at most {max:N0}.");
        }

        value = number.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private static string? Date(FormField field, string label, DateOnly today, ref string value)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Bilingual.L($"{label}: 2026-03-02처럼 연-월-일로 입력하세요.", $"{label}: enter a date as year-month-day, like 2026-03-02.");
        }

        if (field.Min is { } min && date < today.AddDays((int)min))
        {
            var earliest = today.AddDays((int)min).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return Bilingual.L($"{label}: {earliest} 이후 날짜여야 합니다.", $"{label}: must be on or after {earliest}.");
        }

        if (field.Max is { } max && date > today.AddDays((int)max))
        {
            var latest = today.AddDays((int)max).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return Bilingual.L($"{label}: {latest} 이전 날짜여야 합니다.", $"{label}: must be on or before {latest}.");
        }

        value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    private static string? Email(string label, string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
            ? null
            : Bilingual.L($"{label}: name@example.kr 같은 이메일 주소를 입력하세요.", $"{label}: enter an email address like name@example.kr.");

    private static string? BankAccount(string label, string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return BankAccountPattern().IsMatch(value) && digits is >= 10 and <= 16
            ? null
            : Bilingual.L($"{label}: 숫자와 하이픈(-)만, 숫자 10~16자리로 입력하세요.", $"{label}: digits and hyphens only, 10 to 16 digits.");
    }

    [GeneratedRegex(@"^0\d{1,2}-?\d{3,4}-?\d{4}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d+(-\d+)*$")]
    private static partial Regex BankAccountPattern();
}
