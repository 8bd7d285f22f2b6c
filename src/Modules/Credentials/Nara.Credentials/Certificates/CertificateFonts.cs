using System.Buffers.Binary;
using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;

namespace Nara.Credentials.Certificates;

/// <summary>
/// A font with Hangul for printable certificates. PDFsharp 6 ships no fonts and its resolver is process-wide: when
/// another module (Services' decision letters) installed one first, certificates use it (those resolvers answer every
/// family with their Hangul face); otherwise this one is installed. Order: <c>Nara:Credentials:FontPath</c>, Nanum
/// (TrueType, embedded as a subset: a certificate is tens of kilobytes), then Noto Sans CJK, whose Korean face is
/// copied out of the .ttc because PDFsharp reads no collections (its CFF outlines embed whole, megabytes).
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "NaraCertificate";

    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> _face;

    private CertificateFonts(string? path)
    {
        Path = path;
        _face = new Lazy<byte[]>(() => Load(Path!));
    }

    /// <summary>The font file used, or null when none is there.</summary>
    public string? Path { get; }

    /// <summary>Whether PDFs can be drawn: a resolver with a Hangul font is installed.</summary>
    public bool Available => Path is not null;

    /// <summary>Finds the font and installs this resolver unless one is installed already.</summary>
    public static CertificateFonts Install(IConfiguration configuration)
    {
        var configured = configuration?["Nara:Credentials:FontPath"];
        var path = !string.IsNullOrWhiteSpace(configured)
            ? (File.Exists(configured) ? configured : null) // a configured path that is missing is a setup mistake: no fallback
            : Candidates.FirstOrDefault(File.Exists);
        var fonts = new CertificateFonts(path);
        lock (Gate)
        {
            if (path is not null && GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = fonts;
            }
        }

        return fonts;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Path is null ? null : new FontResolverInfo(Family, false, italic);

    public byte[]? GetFont(string faceName) => Path is null ? null : _face.Value;

    private static byte[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan(0, 4).SequenceEqual("ttcf"u8) ? FaceFromCollection(bytes, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)) > 1 ? 1 : 0) : bytes;
    }

    /// <summary>One face of a TrueType/OpenType collection as a standalone font (Noto CJK puts the Korean face second).</summary>
    private static byte[] FaceFromCollection(byte[] ttc, int index)
    {
        var directory = BinaryPrimitives.ReadInt32BigEndian(ttc.AsSpan(12 + (4 * index)));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(directory + 4));
        var headerLength = 12 + (16 * tables);
        var total = headerLength;
        for (var t = 0; t < tables; t++)
        {
            total += (BinaryPrimitives.ReadInt32BigEndian(ttc.AsSpan(directory + 12 + (16 * t) + 12)) + 3) & ~3;
        }

        var font = new byte[total];
        Array.Copy(ttc, directory, font, 0, 12);
        var position = headerLength;
        for (var t = 0; t < tables; t++)
        {
            var record = directory + 12 + (16 * t);
            var offset = BinaryPrimitives.ReadInt32BigEndian(ttc.AsSpan(record + 8));
            var length = BinaryPrimitives.ReadInt32BigEndian(ttc.AsSpan(record + 12));
            Array.Copy(ttc, record, font, 12 + (16 * t), 16);
            BinaryPrimitives.WriteInt32BigEndian(font.AsSpan(12 + (16 * t) + 8), position);
            Array.Copy(ttc, offset, font, position, length);
            position += (length + 3) & ~3;
        }

        return font;
    }
}
