namespace Nara.Registries.Features;

internal static class ResidentNumbers
{
    /// <summary>"930514-2101236" → "930514-2******": birth date and sex digit only, as on printed extracts.</summary>
    public static string Mask(string residentNumber) =>
        residentNumber.Length == 14 && residentNumber[6] == '-' ? string.Concat(residentNumber.AsSpan(0, 8), "******") : "******-*******";

    /// <summary>Accepts "9305142101236" or "930514-2101236"; null when the text is not shaped like a resident number.</summary>
    public static string? Normalise(string text)
    {
        var digits = text.Replace("-", "", StringComparison.Ordinal).Trim();
        return digits.Length == 13 && digits.All(char.IsAsciiDigit) ? $"{digits[..6]}-{digits[6..]}" : null;
    }
}
