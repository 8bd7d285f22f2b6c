using System.Text.RegularExpressions;

namespace Nara.ArchitectureTests;

/// <summary>Rules for the pages' markup that a reviewer would otherwise have to catch by eye.</summary>
public sealed partial class PageFormTests
{
    /// <summary>
    /// Razor's form tag helper adds the antiforgery token to a POST form only when the form has no explicit
    /// <c>action</c>; with one, the form must ask for it (<c>asp-antiforgery="true"</c>) or write it itself
    /// (<c>@Html.AntiForgeryToken()</c>). Without it the browser's POST is refused with 400, which tests that post a
    /// token taken from elsewhere on the page do not notice (the verifier page's paste form had this bug).
    /// </summary>
    [Fact]
    public void Every_post_form_with_an_explicit_action_sends_an_antiforgery_token()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cshtml", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match form in PostForm().Matches(text))
            {
                var tag = form.Groups["tag"].Value;
                var body = form.Groups["body"].Value;
                if (tag.Contains(" action=", StringComparison.Ordinal)
                    && !tag.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal)
                    && !body.Contains("@Html.AntiForgeryToken()", StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetRelativePath(Repository.Root, file)}: {tag}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "POST forms without an antiforgery token:\n" + string.Join('\n', offenders));
    }

    [GeneratedRegex("""(?<tag><form\b[^>]*\bmethod="post"[^>]*>)(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
