using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nara.Services.Features.Letters;

namespace Nara.Services.Pages;

/// <summary>Turns a PDF letter into a download, a 404, or a plain 503 message when the server has no Korean font.</summary>
internal static class LetterResult
{
    public static IActionResult Of(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, LetterPdf letter)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(letter);
        if (letter.NotFound)
        {
            return page.NotFound();
        }

        return letter.Content is { } bytes
            ? page.File(bytes, LetterPdf.ContentType, letter.FileName)
            : new ContentResult { StatusCode = StatusCodes.Status503ServiceUnavailable, ContentType = "text/plain; charset=utf-8", Content = letter.Problem };
    }
}
