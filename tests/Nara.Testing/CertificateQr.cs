using UglyToad.PdfPig;
using Xunit;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Nara.Testing;

/// <summary>Reads the QR of a printed certificate back, as a scanner would (shared by the Credentials and browser tests).</summary>
public static class CertificateQr
{
    /// <summary>Opens the PDF and decodes the QR on its first page.</summary>
    public static (string Text, int Version) Decode(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Decode(document);
    }

    /// <summary>
    /// The QR is drawn as filled rectangles (the page's only paths): rebuild the module grid from their positions,
    /// render it at 4 px a module with a quiet zone, and let ZXing decode it.
    /// </summary>
    public static (string Text, int Version) Decode(PdfDocument pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var boxes = pdf.GetPage(1).Paths.Where(p => p.IsFilled).SelectMany(p => p).Select(sp => sp.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
        Assert.NotEmpty(boxes);
        var module = boxes.Min(b => b.Height);
        double left = boxes.Min(b => b.Left), top = boxes.Max(b => b.Top);
        var n = (int)Math.Round((boxes.Max(b => b.Right) - left) / module);
        Assert.Equal(n, (int)Math.Round((top - boxes.Min(b => b.Bottom)) / module)); // square
        const int scale = 4, quiet = 4;
        var width = (n + (2 * quiet)) * scale;
        var pixels = Enumerable.Repeat((byte)255, width * width).ToArray();
        foreach (var b in boxes)
        {
            var row = (int)Math.Round((top - b.Top) / module);
            var column = (int)Math.Round((b.Left - left) / module);
            var span = (int)Math.Round(b.Width / module);
            for (var dy = 0; dy < scale; dy++)
            {
                for (var dx = 0; dx < span * scale; dx++)
                {
                    pixels[((((row + quiet) * scale) + dy) * width) + ((column + quiet) * scale) + dx] = 0;
                }
            }
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, width, RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true });
        Assert.NotNull(result);
        return (result.Text, (n - 17) / 4);
    }
}
