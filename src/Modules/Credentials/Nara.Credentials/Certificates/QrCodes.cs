using QRCoder;

namespace Nara.Credentials.Certificates;

/// <summary>
/// QR codes for presentations (QRCoder). Error correction L: a presentation is long, and L keeps the code at the
/// lowest version, which matters more for scanning a phone screen or paper than damage tolerance does.
/// </summary>
internal static class QrCodes
{
    /// <summary>A PNG (black on white, a four-module quiet zone) and the QR version it needed.</summary>
    public static (byte[] Png, int Version) Png(string text, int pixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        using var png = new PngByteQRCode(data);
        return (png.GetGraphic(pixelsPerModule), data.Version);
    }

    /// <summary>The modules (true: dark), quiet zone included, for drawing as vectors (crisp on paper at any size).</summary>
    public static IReadOnlyList<bool[]> Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
    }

    /// <summary>For an &lt;img&gt; (the host's CSP allows data: images).</summary>
    public static string DataUri(string text) => "data:image/png;base64," + Convert.ToBase64String(Png(text, 4).Png);
}
