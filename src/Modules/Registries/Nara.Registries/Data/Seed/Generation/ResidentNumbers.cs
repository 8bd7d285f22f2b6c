using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// 주민등록번호 / 외국인등록번호 "YYMMDD-SNNNNNC": S encodes sex and century (1/2 1900s, 3/4 2000s citizens;
/// 5/6, 7/8 foreigners), C is the check digit over the first twelve digits.
/// </summary>
internal static class ResidentNumbers
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    /// <summary>c = (11 − Σ dᵢ·wᵢ mod 11) mod 10 over the first twelve digits.</summary>
    public static int CheckDigit(ReadOnlySpan<int> first12)
    {
        if (first12.Length != 12)
        {
            throw new ArgumentException("Twelve digits are needed.", nameof(first12));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += first12[i] * Weights[i];
        }

        return (11 - (sum % 11)) % 10;
    }

    public static int SexDigit(DateOnly birth, Sex sex, bool foreigner)
    {
        var female = sex == Sex.Female ? 1 : 0;
        var centuryBase = birth.Year >= 2000 ? 3 : 1;
        return centuryBase + female + (foreigner ? 4 : 0);
    }

    /// <summary>Builds a number from its parts; <paramref name="serial"/> is the five digits after the sex digit.</summary>
    public static string Format(DateOnly birth, int sexDigit, int serial)
    {
        Span<int> d = stackalloc int[12];
        var yy = birth.Year % 100;
        d[0] = yy / 10;
        d[1] = yy % 10;
        d[2] = birth.Month / 10;
        d[3] = birth.Month % 10;
        d[4] = birth.Day / 10;
        d[5] = birth.Day % 10;
        d[6] = sexDigit;
        for (var i = 11; i >= 7; i--)
        {
            d[i] = serial % 10;
            serial /= 10;
        }

        var check = CheckDigit(d);
        Span<char> text = stackalloc char[14];
        for (var i = 0; i < 6; i++)
        {
            text[i] = (char)('0' + d[i]);
        }

        text[6] = '-';
        for (var i = 6; i < 12; i++)
        {
            text[i + 1] = (char)('0' + d[i]);
        }

        text[13] = (char)('0' + check);
        return new string(text);
    }

    /// <summary>True when the shape, the date, the sex digit and the check digit agree.</summary>
    public static bool IsValid(string number)
    {
        if (number is not { Length: 14 } || number[6] != '-')
        {
            return false;
        }

        Span<int> d = stackalloc int[13];
        var j = 0;
        foreach (var c in number)
        {
            if (c == '-')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            d[j++] = c - '0';
        }

        return CheckDigit(d[..12]) == d[12] && BirthDate(number) is not null;
    }

    /// <summary>The birth date the number encodes, or null when the date or the sex digit is impossible.</summary>
    public static DateOnly? BirthDate(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var century = number[7] switch
        {
            '1' or '2' or '5' or '6' => 1900,
            '3' or '4' or '7' or '8' => 2000,
            '9' or '0' => 1800,
            _ => -1,
        };
        if (century < 0 || !int.TryParse(number.AsSpan(0, 2), out var yy) || !int.TryParse(number.AsSpan(2, 2), out var mm)
            || !int.TryParse(number.AsSpan(4, 2), out var dd) || mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(century + yy, mm))
        {
            return null;
        }

        return new DateOnly(century + yy, mm, dd);
    }

    /// <summary>Odd sex digits are male, even ones female (0 and 9 for people born in the 1800s).</summary>
    public static Sex SexOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return (number[7] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
    }

    public static bool IsForeigner(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number[7] is >= '5' and <= '8';
    }
}

/// <summary>NTS business registration number "NNN-NN-NNNNN" (tax office, type, serial, check digit).</summary>
internal static class BusinessNumbers
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    public static int CheckDigit(ReadOnlySpan<int> first9)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += first9[i] * Weights[i];
        }

        sum += first9[8] * 5 / 10;
        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Formats office (101–999), type (01–99) and a four-digit serial with the check digit.</summary>
    public static string Format(int office, int type, int serial)
    {
        Span<int> d = [office / 100, office / 10 % 10, office % 10, type / 10, type % 10, serial / 1000, serial / 100 % 10, serial / 10 % 10, serial % 10];
        var check = CheckDigit(d);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{office:000}-{type:00}-{serial:0000}{check}");
    }

    public static bool IsValid(string number)
    {
        if (number is not { Length: 12 } || number[3] != '-' || number[6] != '-')
        {
            return false;
        }

        var digits = number.Replace("-", "", StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        Span<int> d = stackalloc int[10];
        for (var i = 0; i < 10; i++)
        {
            d[i] = digits[i] - '0';
        }

        return CheckDigit(d[..9]) == d[9];
    }
}
