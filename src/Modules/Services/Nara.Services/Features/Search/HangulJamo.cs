using System.Text;

namespace Nara.Services.Features.Search;

/// <summary>
/// Splits Hangul syllables into their letters (jamo), so a typo inside one syllable ("숫" for "수",
/// "어" for "여") costs one edit instead of a whole different character. No library decomposes for
/// Lucene.Net; the Unicode arithmetic is short (Unicode 15, §3.12 "Conjoining Jamo Behavior").
/// </summary>
internal static class HangulJamo
{
    private const int SyllableBase = 0xAC00;
    private const int SyllableLast = 0xD7A3;
    private const string Initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const string Medials = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    private static readonly string[] Finals =
        ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];

    public static bool IsSyllable(char c) => c is >= (char)SyllableBase and <= (char)SyllableLast;

    /// <summary>The jamo of the Hangul syllables in <paramref name="text"/>; everything else is dropped.</summary>
    public static string Decompose(string text)
    {
        var sb = new StringBuilder(text.Length * 3);
        foreach (var c in text)
        {
            if (!IsSyllable(c))
            {
                continue;
            }

            var index = c - SyllableBase;
            sb.Append(Initials[index / 588]).Append(Medials[index % 588 / 28]).Append(Finals[index % 28]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Jamo terms for a phrase: one per Hangul word of two syllables or more, and one for the whole
    /// phrase without spaces, so "청년 월세" and "청년월세" meet.
    /// </summary>
    public static IEnumerable<string> Terms(string phrase)
    {
        var words = phrase.Split([' ', '·', ',', '/', '(', ')', '-', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Count(IsSyllable) >= 2)
            .ToList();
        foreach (var word in words)
        {
            yield return Decompose(word);
        }

        if (words.Count > 1)
        {
            yield return Decompose(string.Concat(words));
        }
    }
}
