using Nara.Kernel.Security;

namespace Nara.Identity.Features.Officials;

internal static class OfficialRoles
{
    /// <summary>Known roles only, in the canonical order, space-separated; unknown names are dropped.</summary>
    public static string Normalise(IEnumerable<string>? roles)
    {
        var chosen = new HashSet<string>(roles ?? [], StringComparer.Ordinal);
        return string.Join(' ', NaraRoles.All.Where(chosen.Contains));
    }
}
