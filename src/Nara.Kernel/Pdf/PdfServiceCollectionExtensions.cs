using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nara.Kernel.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>The configuration key of the font file; unset, the system's Nanum or Noto CJK is used.</summary>
    public const string FontPathKey = "Nara:Pdf:FontPath";

    /// <summary>
    /// Registers the one <see cref="KoreanFonts"/> of the host (every module that draws PDFs calls this; the first
    /// registration stands), found and installed when first resolved.
    /// </summary>
    public static IServiceCollection AddKoreanFonts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => KoreanFonts.Install(configuration?[FontPathKey]));
        return services;
    }

    /// <summary>What to tell an operator when no font is there, Korean then English.</summary>
    public static (string Ko, string En) MissingFont { get; } = (
        $"PDF에 쓸 한글 글꼴이 없습니다. fonts-nanum 또는 fonts-noto-cjk 패키지를 설치하거나 {FontPathKey} 설정에 글꼴 파일 경로를 지정하세요.",
        $"No Korean font for PDFs. Install the fonts-nanum or fonts-noto-cjk package, or set {FontPathKey} to a font file.");
}
