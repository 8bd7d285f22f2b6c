using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nara.Host.Pages.LifeEvents;

[AllowAnonymous]
internal sealed class DetailModel : PageModel
{
    public LifeEvent Event { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        var found = LifeEventCatalog.Find(slug);
        if (found is null)
        {
            return NotFound();
        }

        Event = found;
        return Page();
    }
}
