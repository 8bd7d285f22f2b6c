using QRCoder;

namespace Nara.Credentials.Certificates;

/// <summary>
/// QR codes for presentations (QRCoder). Error correction L: a presentation is long, and L keeps the code at the
/// lowest version, which matters more for scanning a phone screen or paper than damage tolerance does.
/// </summary>
internal static class QrCodes
{
    /// <summary>
    /// The most bytes one QR code holds (version 40 at error correction L). A presentation with many ticked items (a
    /// family with many members) can be longer; QRCoder then throws, so callers ask <see cref="Fits"/> first.
    /// </summary>
    public const int MaxBytes = 2953;

    /// <summary>Whether the text fits one QR code. Links and presentations are ASCII, so a byte is a character.</summary>
    public static bool Fits(string text) => System.Text.Encoding.UTF8.GetByteCount(text) <= MaxBytes;

    /// <summary>The modules (true: dark), quiet zone included, for drawing as vectors (crisp on paper at any size).</summary>
    public static IReadOnlyList<bool[]> Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
    }

    /// <summary>
    /// For an &lt;img&gt; (the host's CSP allows data: images): SVG, so the code stays sharp at whatever size the page
    /// shows it. (PNG would blur when scaled and PDFsharp cannot import QRCoder's 1-bit PNG anyway.)
    /// </summary>
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        using var svg = new SvgQRCode(data);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg.GetGraphic(4)));
    }
}
