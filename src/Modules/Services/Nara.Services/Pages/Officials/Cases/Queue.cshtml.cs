using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Domain.Applications;
using Nara.Services.Features;
using Nara.Services.Features.Cases;

namespace Nara.Services.Pages.Officials.Cases;

/// <summary>An agency's case queue: overdue first, SLA warnings, filters by service and status. Own agency only.</summary>
[Authorize(Policy = NaraPolicies.SameAgency)]
internal sealed class QueueModel(CaseQueue queue, ServiceCatalogue catalogue) : PageModel
{
    [FromRoute]
    public string Agency { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<QueueLine> Lines { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Name)> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Status is { Length: > 0 } && !CaseStatuses.All.Contains(Status))
        {
            Status = null;
        }

        Services = [.. catalogue.Services.Where(s => string.Equals(s.Agency, Agency, StringComparison.OrdinalIgnoreCase) && s.AppliesOnline).Select(s => (s.Slug, s.Name.Current))];
        // The policy has checked the route agency against the claim; queries use the claim.
        Lines = await queue.ListAsync(Official.Of(User)!.Agency, Service, Status, openOnly: Status is null, ct);
        return Page();
    }

    public string Name(string slug) => catalogue.Get(slug)?.Name.Current ?? slug;
}
