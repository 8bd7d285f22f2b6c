using Nara.Kernel.Pdf;

namespace Nara.Services.Tests;

/// <summary>A test that renders PDF letters: skipped, with the reason shown, on a machine without a Korean font.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LetterFontFactAttribute : FactAttribute
{
    public LetterFontFactAttribute()
    {
        if (!KoreanFonts.SystemHasFont)
        {
            Skip = $"No Korean font for PDF letters at {string.Join(", ", KoreanFonts.Candidates)} (apt-get install -y fonts-nanum fonts-noto-cjk).";
        }
    }
}
