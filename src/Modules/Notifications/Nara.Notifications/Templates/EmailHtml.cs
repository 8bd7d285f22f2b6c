using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Nara.Notifications.Templates;

/// <summary>
/// The HTML part of an email, built from the rendered plain text: a real document with a language and a
/// title, headings (# ), lists (* or - ), paragraphs and links; one column, no layout tables, large text
/// and colours with AA contrast, so screen readers and zoom work. Values are HTML-encoded.
/// </summary>
internal static partial class EmailHtml
{
    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    public static string Build(string subject, string body, string language)
    {
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language == "en" ? "en" : "ko").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:16px;font-family:'Pretendard GOV',sans-serif;font-size:19px;line-height:1.5;color:#1e2124;background:#ffffff\">\n")
            .Append("<main style=\"max-width:580px\">\n");
        foreach (var block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            if (lines.All(l => l.StartsWith("* ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)))
            {
                html.Append("<ul>\n");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(Inline(line[2..])).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
            else if (lines is [var heading] && heading.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h2 style=\"font-size:24px\">").Append(Inline(heading[2..])).Append("</h2>\n");
            }
            else
            {
                html.Append("<p>").Append(string.Join("<br>\n", lines.Select(Inline))).Append("</p>\n");
            }
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        return Url().Replace(encoded, m => $"<a href=\"{m.Value}\" style=\"color:#0b50d0\">{m.Value}</a>");
    }
}
