using System.Buffers.Binary;
using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;

namespace Nara.Services.Features.Letters;

/// <summary>
/// Finds a font with Hangul for PDF letters. PDFsharp 6 ships no fonts and needs a resolver. Order: the path in
/// <c>Services:Letters:FontPath</c>, then TrueType Korean fonts (Nanum, package fonts-nanum: PDFsharp embeds
/// only the glyphs used, so a letter is tens of kilobytes), then Noto Sans CJK (fonts-noto-cjk), whose Korean
/// face is taken out of the collection because PDFsharp reads no .ttc; its CFF outlines are embedded whole
/// (about 13 MB a letter), so it is the last resort.
/// </summary>
internal sealed class LetterFonts : IFontResolver
{
    public const string Family = "NaraLetter";

    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> _face;

    public LetterFonts(string? configuredPath)
    {
        Path = Find(configuredPath);
        _face = new Lazy<byte[]>(() => Load(Path!));
    }

    /// <summary>The font file used, or null when none is there (then <see cref="Problem"/> says what to install).</summary>
    public string? Path { get; }

    public static string Problem => Bilingual(
        "결정 통지서 PDF에 쓸 한글 글꼴이 없습니다. fonts-nanum 또는 fonts-noto-cjk 패키지를 설치하거나 Services:Letters:FontPath 설정에 글꼴 파일 경로를 지정하세요.",
        "No Korean font for PDF decision letters. Install the fonts-nanum or fonts-noto-cjk package, or set Services:Letters:FontPath to a font file.");

    public static LetterFonts FromConfiguration(IConfiguration configuration) =>
        new(configuration?["Services:Letters:FontPath"]);

    /// <summary>
    /// PDFsharp's resolver is process-wide and may be set once: the first instance that found a font is installed,
    /// later ones (another host in the same process, or Credentials' certificate fonts, which also answer every family
    /// with a Hangul face) render with it. An instance without a font is never installed, so its callers answer "no
    /// font" without touching PDFsharp.
    /// </summary>
    public static LetterFonts Install(LetterFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        lock (Gate)
        {
            if (fonts.Path is not null && GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = fonts;
            }

            return fonts;
        }
    }

    /// <summary>Whether this machine has a font the letters can use without configuration (tests skip PDF checks otherwise).</summary>
    public static bool SystemHasFont => Candidates.Any(File.Exists);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Path is null ? null : new FontResolverInfo(Family, false, italic);

    public byte[]? GetFont(string faceName) => Path is null ? null : _face.Value;

    private static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A configured path that is missing is a setup mistake: say so rather than fall back silently.
            return File.Exists(configured) ? configured : null;
        }

        return Candidates.FirstOrDefault(File.Exists);
    }

    private static byte[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan(0, 4).SequenceEqual("ttcf"u8) ? FaceFromCollection(bytes, KoreanFace(bytes)) : bytes;
    }

    /// <summary>Noto CJK collections put the Korean face second (JP, KR, SC, TC, HK); any face has Hangul, KR has Korean glyph shapes.</summary>
    private static int KoreanFace(byte[] collection) => BinaryPrimitives.ReadInt32BigEndian(collection.AsSpan(8)) > 1 ? 1 : 0;

    /// <summary>Copies one face's table directory and tables out of a TrueType/OpenType collection into a standalone font.</summary>
    internal static byte[] FaceFromCollection(byte[] ttc, int index)
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

    private static string Bilingual(string ko, string en) => Nara.Kernel.Localization.Bilingual.L(ko, en);
}
