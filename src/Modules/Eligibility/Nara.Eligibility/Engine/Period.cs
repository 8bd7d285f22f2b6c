using System.Globalization;
using System.Text.RegularExpressions;

namespace Nara.Eligibility.Engine;

public enum PeriodUnit
{
    Month = 1,
    Year = 2,
    Eternity = 3,
}

/// <summary>
/// A period as OpenFisca writes it: <c>2025-06</c> (month), <c>2025</c> (year) or <c>ETERNITY</c>.
/// Parsing is strict on purpose: <c>2025-6</c> or <c>2025-06-01</c> are refused rather than guessed,
/// because a silently reinterpreted period gives a wrong determination that looks right.
/// </summary>
public readonly partial record struct Period(PeriodUnit Unit, int Year, int Month)
{
    public static readonly Period Eternity = new(PeriodUnit.Eternity, 0, 0);

    public static Period OfMonth(int year, int month) => new(PeriodUnit.Month, year, month);

    public static Period OfMonth(DateOnly day) => new(PeriodUnit.Month, day.Year, day.Month);

    /// <summary>The first day of the period; eternity starts at the beginning of the calendar.</summary>
    public DateOnly Start => Unit switch
    {
        PeriodUnit.Month => new DateOnly(Year, Month, 1),
        PeriodUnit.Year => new DateOnly(Year, 1, 1),
        _ => DateOnly.MinValue,
    };

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Unit switch
    {
        PeriodUnit.Month => Start.AddMonths(1).AddDays(-1),
        PeriodUnit.Year => new DateOnly(Year, 12, 31),
        _ => DateOnly.MaxValue,
    };

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        if (string.Equals(text, "ETERNITY", StringComparison.OrdinalIgnoreCase))
        {
            period = Eternity;
            return true;
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        if (!match.Groups["m"].Success)
        {
            period = new Period(PeriodUnit.Year, year, 0);
            return true;
        }

        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        period = OfMonth(year, month);
        return true;
    }

    public static string ParseError(string? text) =>
        $"Expected a period (eg. '2025', '2025-06', 'ETERNITY'); got: '{text}'.";

    public override string ToString() => Unit switch
    {
        PeriodUnit.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        PeriodUnit.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => "ETERNITY",
    };

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
