using QRCoder;

namespace Nara.Credentials.Issuing;

/// <summary>QR codes as PNG data URIs (QRCoder), so a page shows them without a second request or any script.</summary>
internal static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
