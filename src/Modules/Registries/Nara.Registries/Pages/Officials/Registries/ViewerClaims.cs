using System.Security.Claims;
using Nara.Kernel.Security;
using Nara.Registries.Features;

namespace Nara.Registries.Pages.Officials.Registries;

internal static class ViewerClaims
{
    /// <summary>Who is looking, from the sign-in claims; the purpose is free text the official may give.</summary>
    public static Viewer From(ClaimsPrincipal user, string? purpose) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
        user.FindFirstValue(NaraClaims.Agency),
        string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim()[..Math.Min(purpose.Trim().Length, 200)]);

    /// <summary>
    /// Parses ?page= by hand so "abc" or "0" gives a 400 page instead of a binding error. (A handler parameter
    /// cannot be called "page": Razor Pages reserves that route value for the page name.)
    /// </summary>
    public static bool TryPage(string? raw, out Nara.Kernel.Paging.PageRequest request)
    {
        request = default;
        int? page = null;
        if (!string.IsNullOrEmpty(raw))
        {
            if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            page = parsed;
        }

        return Nara.Kernel.Paging.PageRequest.Validate(page, 20, out request) is null;
    }
}
