using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Nara.Kernel.Pdf;

/// <summary>Text helpers shared by Nara's PDFs: the Hangul font and wrapping at the margin.</summary>
public static class PdfText
{
    /// <summary>The Korean font at a size, Unicode-encoded so Hangul is written as glyph ids, not a code page.</summary>
    public static XFont Font(double size) =>
        new(KoreanFonts.Family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>Splits text into lines no wider than <paramref name="width"/>, at spaces; a word wider than a line (a long URL) is cut by characters.</summary>
    public static IEnumerable<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(text);
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (g.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line;
            }

            line = "";
            foreach (var ch in word)
            {
                if (line.Length > 0 && g.MeasureString(line + ch, font).Width > width)
                {
                    yield return line;
                    line = "";
                }

                line += ch;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
