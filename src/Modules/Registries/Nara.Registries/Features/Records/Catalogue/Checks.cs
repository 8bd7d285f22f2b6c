using System.Text.RegularExpressions;

namespace Nara.Registries.Features.Records.Catalogue;

/// <summary>Format checks for identifiers written through the API; each returns an English message or null.</summary>
internal static partial class Checks
{
    private static readonly int[] ResidentWeights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    private static readonly int[] BusinessWeights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>주민등록번호 / 외국인등록번호 "YYMMDD-NNNNNNN": a real date and the check digit (11 − Σ mod 11) mod 10.</summary>
    public static string? ResidentNumber(string value)
    {
        if (!ResidentNumberPattern().IsMatch(value))
        {
            return "residentNumber must look like YYMMDD-NNNNNNN.";
        }

        var digits = value.Replace("-", "", StringComparison.Ordinal).Select(c => c - '0').ToArray();
        var century = digits[6] switch { 1 or 2 or 5 or 6 => 1900, 3 or 4 or 7 or 8 => 2000, 9 or 0 => 1800, _ => 0 };
        var year = century + (digits[0] * 10) + digits[1];
        var month = (digits[2] * 10) + digits[3];
        var day = (digits[4] * 10) + digits[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return "residentNumber does not start with a real date of birth.";
        }

        var sum = ResidentWeights.Select((w, i) => w * digits[i]).Sum();
        return (11 - (sum % 11)) % 10 == digits[12] ? null : "residentNumber has a wrong check digit.";
    }

    /// <summary>사업자등록번호 "NNN-NN-NNNNN" with the National Tax Service check digit.</summary>
    public static string? BusinessNumber(string value)
    {
        if (!BusinessNumberPattern().IsMatch(value))
        {
            return "registrationNumber must look like NNN-NN-NNNNN.";
        }

        var d = value.Replace("-", "", StringComparison.Ordinal).Select(c => c - '0').ToArray();
        var sum = BusinessWeights.Select((w, i) => w * d[i]).Sum() + (d[8] * 5 / 10);
        return (10 - (sum % 10)) % 10 == d[9] ? null : "registrationNumber has a wrong check digit.";
    }

    public static string? Nationality(string value) =>
        NationalityPattern().IsMatch(value) ? null : "nationality must be an ISO 3166-1 alpha-3 code such as KOR.";

    public static string? PostalCode(string value) =>
        PostalCodePattern().IsMatch(value) ? null : "postalCode must be 5 digits.";

    public static string? DivisionCode(string value) =>
        DivisionCodePattern().IsMatch(value) ? null : "An administrative division code is 10 digits.";

    [GeneratedRegex(@"^\d{6}-\d{7}$")]
    private static partial Regex ResidentNumberPattern();

    [GeneratedRegex(@"^\d{3}-\d{2}-\d{5}$")]
    private static partial Regex BusinessNumberPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex NationalityPattern();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^\d{10}$")]
    private static partial Regex DivisionCodePattern();
}
