using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Registries.Features;

namespace Nara.Registries.Pages.Officials.Registries.Households;

[Authorize(Policy = NaraPolicies.RegistryViewer)]
internal sealed class DetailModel(ReadHousehold read) : PageModel
{
    public HouseholdView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await read.RunAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
