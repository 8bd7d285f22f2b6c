using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Services.Contracts;

namespace Nara.Host.Pages.LifeEvents;

[AllowAnonymous]
internal sealed class DetailModel(IServiceCatalogue catalogue) : PageModel
{
    public LifeEvent Event { get; private set; } = null!;

    /// <summary>The catalogue's services tagged with the life events this page gathers (catalogue data, not this page).</summary>
    public IReadOnlyList<ServiceSummary> Services { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        var found = LifeEventCatalog.Find(slug);
        if (found is null)
        {
            return NotFound();
        }

        Event = found;
        Services = catalogue.ForLifeEventPage(found.Slug);
        return Page();
    }
}
