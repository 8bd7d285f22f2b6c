using System.Text;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// Revised Romanization of Korean, syllable by syllable from the Hangul jamo. Names are written the way
/// passports usually do (no sound changes between syllables); surnames use their customary spellings.
/// </summary>
internal static class Romanization
{
    private static readonly string[] Initials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] Medials =
        ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    private static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    private static readonly Dictionary<char, string> Surnames = new()
    {
        ['김'] = "Kim", ['이'] = "Lee", ['박'] = "Park", ['최'] = "Choi", ['정'] = "Jeong", ['강'] = "Kang", ['조'] = "Cho",
        ['윤'] = "Yun", ['장'] = "Jang", ['임'] = "Lim", ['한'] = "Han", ['오'] = "Oh", ['서'] = "Seo", ['신'] = "Shin",
        ['권'] = "Kwon", ['황'] = "Hwang", ['안'] = "Ahn", ['송'] = "Song", ['전'] = "Jeon", ['홍'] = "Hong", ['유'] = "Yu",
        ['고'] = "Ko", ['문'] = "Moon", ['양'] = "Yang", ['손'] = "Son", ['배'] = "Bae", ['백'] = "Baek", ['허'] = "Heo",
        ['남'] = "Nam", ['심'] = "Sim", ['노'] = "Noh", ['하'] = "Ha", ['곽'] = "Kwak", ['성'] = "Sung", ['차'] = "Cha",
        ['주'] = "Joo", ['우'] = "Woo", ['구'] = "Koo", ['민'] = "Min", ['류'] = "Ryu",
    };

    public static string Syllable(char syllable)
    {
        var index = syllable - 0xAC00;
        if (index is < 0 or >= 11_172)
        {
            return syllable.ToString();
        }

        return Initials[index / 588] + Medials[index % 588 / 28] + Finals[index % 28];
    }

    /// <summary>"이하린" → "Lee Ha-rin".</summary>
    public static string PersonName(string surname, string given)
    {
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(given);
        var family = surname.Length == 1 && Surnames.TryGetValue(surname[0], out var s) ? s : Capitalise(Word(surname));
        var builder = new StringBuilder(family.Length + 12).Append(family).Append(' ');
        for (var i = 0; i < given.Length; i++)
        {
            var part = Syllable(given[i]);
            builder.Append(i == 0 ? Capitalise(part) : part);
            if (i < given.Length - 1)
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    /// <summary>A place-name stem without hyphens: "청운효자" → "Cheongunhyoja".</summary>
    public static string Place(string name) => Capitalise(Word(name));

    private static string Word(string text)
    {
        var builder = new StringBuilder(text.Length * 3);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiDigit(c) ? c.ToString() : Syllable(c));
        }

        return builder.ToString();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
