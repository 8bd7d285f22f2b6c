using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Registries.Features;
using Nara.Registries.Pages.Shared;

namespace Nara.Registries.Pages.Officials.Registries.Divisions;

[Authorize(Policy = NaraPolicies.RegistryViewer)]
internal sealed class IndexModel(BrowseDivisions browse) : PageModel
{
    public DivisionView View { get; private set; } = null!;

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        if (!ViewerClaims.TryPage(pageNumber, out var request) || code?.Length > 10)
        {
            return BadRequest();
        }

        var view = await browse.RunAsync(code, request, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (view.Households is { } households)
        {
            Pager = new Pager(request.Page, households.PageCount, n => $"/officials/registries/divisions/{code}?page={n}");
        }

        return Page();
    }
}
