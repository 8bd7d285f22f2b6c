using System.Text;
using QRCoder;

namespace Nara.Browser.Tests;

/// <summary>
/// A Y4M video (what Chromium's fake camera plays with <c>--use-file-for-fake-video-capture</c>) that shows one QR
/// code, black on white, so the verifier page's camera scan can be tested without a camera.
/// </summary>
internal static class FakeCameraVideo
{
    public static string WriteQr(string text, int width = 640, int height = 480)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        var modules = data.ModuleMatrix; // includes the quiet zone
        var size = modules.Count;
        var scale = Math.Min(width, height) / size;
        if (scale < 2)
        {
            throw new ArgumentException($"A {size}-module code does not fit a {width}×{height} frame at 2 pixels per module.", nameof(text));
        }

        var luma = new byte[width * height];
        Array.Fill(luma, (byte)235);
        var left = (width - size * scale) / 2;
        var top = (height - size * scale) / 2;
        for (var y = 0; y < size * scale; y++)
        {
            for (var x = 0; x < size * scale; x++)
            {
                if (modules[y / scale][x / scale])
                {
                    luma[(top + y) * width + left + x] = 16;
                }
            }
        }

        var chroma = new byte[width / 2 * (height / 2)];
        Array.Fill(chroma, (byte)128);
        var path = Path.Combine(Path.GetTempPath(), $"nara-fake-camera-{Guid.NewGuid():N}.y4m");
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 2; frame++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }

        return path;
    }
}
