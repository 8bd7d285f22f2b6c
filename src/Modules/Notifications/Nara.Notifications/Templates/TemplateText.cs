using System.Text;
using System.Text.RegularExpressions;

namespace Nara.Notifications.Templates;

/// <summary>
/// GOV.UK Notify's template language: <c>((name))</c> is replaced by a value, <c>((flag??text))</c>
/// shows the text only when the flag is "yes" (or true, 1, 예). Written by hand: it is one regular
/// expression, and no template library speaks this syntax.
/// </summary>
internal static partial class TemplateText
{
    [GeneratedRegex(@"\(\(\s*(?<name>[^()?]+?)\s*(?:\?\?(?<text>.*?))?\)\)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "yes", "true", "y", "1", "예" };

    /// <summary>The placeholder and flag names a text uses, in order of first appearance.</summary>
    public static IReadOnlyList<string> Names(string? text) =>
        text is null ? [] : [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Names used by the text that have no value (conditional flags included).</summary>
    public static IReadOnlyList<string> Missing(string? text, IReadOnlyDictionary<string, string> values) =>
        [.. Names(text).Where(n => !values.ContainsKey(n))];

    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            var value = values.TryGetValue(name, out var v) ? v : "";
            return m.Groups["text"].Success
                ? (Yes.Contains(value.Trim()) ? m.Groups["text"].Value : "")
                : value;
        });
    }

    /// <summary>Collapses blank lines left behind by hidden conditional text.</summary>
    public static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines.Select(l => l.TrimEnd()))
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim('\n');
    }
}
