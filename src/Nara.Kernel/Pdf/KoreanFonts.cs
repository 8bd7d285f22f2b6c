using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace Nara.Kernel.Pdf;

/// <summary>
/// The font with Hangul every Nara PDF draws with. PDFsharp 6 ships no fonts and its resolver is process-wide and may
/// be set once, so this is the only resolver Nara installs: the first <see cref="Install"/> that finds a font installs
/// it, later calls (another module, another host in the same process) answer an instance that says whether their own
/// font is there but draw with the installed one — it answers every family with its Hangul face, so any module's text
/// renders. Order: the configured path, Nanum (TrueType, embedded as a subset: a page is tens of kilobytes), then Noto
/// Sans CJK, whose Korean face is copied out of the .ttc because PDFsharp reads no collections (its CFF outlines embed
/// whole, megabytes, so it is the last resort).
/// </summary>
public sealed class KoreanFonts : IFontResolver
{
    /// <summary>The family name to give <c>XFont</c>; see <see cref="PdfText.Font"/>.</summary>
    public const string Family = "NaraKorean";

    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> _face;

    private KoreanFonts(string? path)
    {
        Path = path;
        _face = new Lazy<byte[]>(() => Load(Path!));
    }

    /// <summary>The font file found, or null when none is there (then the caller answers "no font" without touching PDFsharp).</summary>
    public string? Path { get; }

    /// <summary>Whether PDFs can be drawn: a font was found, so a resolver with Hangul is installed.</summary>
    public bool Available => Path is not null;

    /// <summary>Whether this machine has a font without configuration (tests skip PDF checks otherwise).</summary>
    public static bool SystemHasFont => Candidates.Any(File.Exists);

    /// <summary>
    /// Finds the font (<paramref name="configuredPath"/> if given — a configured path that is missing is a setup mistake,
    /// so there is no fallback then — else the first candidate) and installs the resolver unless one is installed.
    /// </summary>
    public static KoreanFonts Install(string? configuredPath)
    {
        var path = !string.IsNullOrWhiteSpace(configuredPath)
            ? (File.Exists(configuredPath) ? configuredPath : null)
            : Candidates.FirstOrDefault(File.Exists);
        var fonts = new KoreanFonts(path);
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
        return bytes.AsSpan(0, 4).SequenceEqual("ttcf"u8) ? FaceFromCollection(bytes, KoreanFace(bytes)) : bytes;
    }

    /// <summary>Noto CJK collections put the Korean face second (JP, KR, SC, TC, HK); any face has Hangul, KR has Korean glyph shapes.</summary>
    private static int KoreanFace(byte[] collection) => BinaryPrimitives.ReadInt32BigEndian(collection.AsSpan(8)) > 1 ? 1 : 0;

    /// <summary>Copies one face's table directory and tables out of a TrueType/OpenType collection into a standalone font.</summary>
    public static byte[] FaceFromCollection(byte[] ttc, int index)
    {
        ArgumentNullException.ThrowIfNull(ttc);
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
