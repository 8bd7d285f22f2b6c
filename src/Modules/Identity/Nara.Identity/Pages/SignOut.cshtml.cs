using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;

namespace Nara.Identity.Pages;

/// <summary>Signing out is a POST (with antiforgery) so a link elsewhere cannot sign someone out.</summary>
// Signing out must work whatever state the session is in.
[AllowAnonymous]
internal sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(NaraSchemes.Cookie);
        return LocalRedirect("/");
    }
}
