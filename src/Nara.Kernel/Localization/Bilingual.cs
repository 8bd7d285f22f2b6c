using System.Globalization;

namespace Nara.Kernel.Localization;

/// <summary>
/// Every user-facing string is written as a Korean/English pair at the place it is used, so a page cannot
/// ship in one language only (see docs/adr/0003-bilingual-text.md). Korean is the default.
/// </summary>
public static class Bilingual
{
    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Picks the string for the current UI culture.</summary>
    public static string L(string korean, string english) => IsEnglish ? english : korean;

    /// <summary>The language code for the lang attribute.</summary>
    public static string LanguageTag => IsEnglish ? "en" : "ko";
}
