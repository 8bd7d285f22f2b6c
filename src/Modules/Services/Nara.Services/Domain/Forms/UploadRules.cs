using Nara.Kernel.Localization;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Domain.Forms;

/// <summary>
/// Uploads are checked by size and by what the bytes are (not the name or the browser's claim):
/// PDF, PNG or JPEG only, unless the field narrows it further.
/// </summary>
internal static class UploadRules
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlyList<string> DefaultAccept = ["application/pdf", "image/png", "image/jpeg"];

    /// <summary>Null when acceptable; <paramref name="contentType"/> is the type the bytes show.</summary>
    public static string? Check(FormField field, string fileName, ReadOnlySpan<byte> content, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(field);
        var label = field.Label.Current;
        contentType = Sniff(content);
        if (content.Length == 0)
        {
            return Bilingual.L($"{label}: 빈 파일입니다.", $"{label}: the file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return Bilingual.L($"{label}: 5MB 이하 파일만 올릴 수 있습니다.", $"{label}: the file must be 5 MB or smaller.");
        }

        var accept = field.Accept is { Count: > 0 } a ? a : DefaultAccept;
        return accept.Contains(contentType) && fileName.Length <= 200
            ? null
            : Bilingual.L($"{label}: PDF, PNG, JPG 파일만 올릴 수 있습니다.", $"{label}: only PDF, PNG or JPG files can be uploaded.");
    }

    private static string Sniff(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) ? "application/pdf"
        : b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : "application/octet-stream";
}
