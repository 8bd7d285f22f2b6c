using System.Globalization;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Kernel.Time;
using Nara.Kernel.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Nara.Credentials.Certificates;

/// <summary>What a printed certificate shows: the claims the citizen chose, and the presentation of exactly those.</summary>
internal sealed record CertificateContent(
    CredentialType? Type,
    string? Issuer,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<(string Name, System.Text.Json.Nodes.JsonNode? Value)> Claims,
    string QrText,
    string Reference,
    DateTimeOffset VerifiableUntil);

/// <summary>
/// A printable certificate (A4, Korean first with English under each item): type, the chosen claims, issue and expiry
/// dates, issuer, a verification reference and a QR with a /verify link carrying a presentation of the same claims,
/// so the paper discloses nothing the QR does not and vice versa. The reference is also the document's subject.
/// </summary>
internal static class CertificatePdf
{
    private const double Margin = 56;
    private const double QrSize = 200; // points: about 70 mm, so a version-30 code keeps modules near 0.5 mm

    public static byte[] Render(CertificateContent c)
    {
        var typeKo = c.Type?.NameKo ?? "전자증명서";
        var typeEn = c.Type?.NameEn ?? "Credential";
        using var document = new PdfDocument();
        document.Info.Title = $"{typeKo} / {typeEn}";
        document.Info.Subject = c.Reference;
        document.Info.Creator = "Nara";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - (2 * Margin);
            var y = Margin;
            y = Text(g, typeKo, Font(20), y, width);
            y = Text(g, typeEn + " — 전자증명서 출력본 / printed credential", Font(10), y, width, XBrushes.DimGray) + 12;
            foreach (var (name, value) in c.Claims)
            {
                var label = RejectionTexts.Claim(name);
                var text = ClaimTexts.Value(value);
                y = Item(g, label.Ko, label.En, text.Ko == text.En ? text.Ko : $"{text.Ko} ({text.En})", y, width);
            }

            y = Item(g, "발급일", "Issued", Day(c.IssuedAt), y, width);
            y = Item(g, "유효 기간", "Valid until", Day(c.ExpiresAt), y, width);
            y = Item(g, "발급 기관", "Issuer", "나라 (Nara) " + (c.Issuer ?? ""), y, width);
            y = Item(g, "확인번호", "Verification reference", c.Reference, y, width) + 8;

            DrawQr(g, c.QrText, Margin, y);

            var noteX = Margin + QrSize + 16;
            var noteWidth = width - QrSize - 16;
            var ny = Text(g, "QR 코드를 찍거나 확인 페이지(/verify)에서 이 증명서를 확인할 수 있습니다.", Font(10), y, noteWidth, x: noteX);
            ny = Text(g, "Scan the QR code, or check this certificate on the /verify page.", Font(9), ny, noteWidth, XBrushes.DimGray, noteX) + 6;
            ny = Text(g, $"QR 확인 가능 기한: {Day(c.VerifiableUntil)}", Font(10), ny, noteWidth, x: noteX);
            ny = Text(g, $"The QR can be checked until {Day(c.VerifiableUntil)}.", Font(9), ny, noteWidth, XBrushes.DimGray, noteX) + 6;
            ny = Text(g, "확인 화면의 확인번호가 이 종이의 번호와 같은지 보세요.", Font(10), ny, noteWidth, x: noteX);
            Text(g, "Check that the reference on the screen matches this paper.", Font(9), ny, noteWidth, XBrushes.DimGray, noteX);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The QR as filled rectangles, one per run of dark modules in a row: sharp in print, no image codec involved.</summary>
    private static void DrawQr(XGraphics g, string text, double x, double y)
    {
        var modules = QrCodes.Modules(text);
        var size = QrSize / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            var line = modules[row];
            for (var start = 0; start < line.Length; start++)
            {
                if (!line[start])
                {
                    continue;
                }

                var end = start;
                while (end + 1 < line.Length && line[end + 1])
                {
                    end++;
                }

                g.DrawRectangle(XBrushes.Black, x + (start * size), y + (row * size), (end - start + 1) * size, size);
                start = end;
            }
        }
    }

    private static string Day(DateTimeOffset at) => KoreaTime.ToSeoul(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Item(XGraphics g, string ko, string en, string value, double y, double width)
    {
        y = Text(g, $"{ko} / {en}", Font(9), y, width, XBrushes.DimGray);
        return Text(g, value, Font(12), y, width) + 6;
    }

    /// <summary>Draws text wrapped at the width and answers the next line's top.</summary>
    private static double Text(XGraphics g, string text, XFont font, double y, double width, XBrush? brush = null, double x = Margin)
    {
        foreach (var line in PdfText.Wrap(g, text, font, width))
        {
            y = Draw(g, line, font, x, y, width, brush);
        }

        return y;
    }

    private static double Draw(XGraphics g, string line, XFont font, double x, double y, double width, XBrush? brush)
    {
        g.DrawString(line, font, brush ?? XBrushes.Black, new XRect(x, y, width, font.GetHeight()), XStringFormats.TopLeft);
        return y + font.GetHeight();
    }

    private static XFont Font(double size) => PdfText.Font(size);
}
