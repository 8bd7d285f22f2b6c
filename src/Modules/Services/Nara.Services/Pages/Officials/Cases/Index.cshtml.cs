using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Features;

namespace Nara.Services.Pages.Officials.Cases;

/// <summary>The officials' entry point: sends them to their own agency's queue.</summary>
[Authorize(Policy = NaraPolicies.Official)]
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        Official.Of(User) is { } official ? LocalRedirect($"/officials/agencies/{Uri.EscapeDataString(official.Agency)}/cases") : Forbid();
}
