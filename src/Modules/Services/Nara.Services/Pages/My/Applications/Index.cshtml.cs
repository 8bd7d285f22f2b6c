using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Features;
using Nara.Services.Features.Applications;

namespace Nara.Services.Pages.My.Applications;

/// <summary>"My applications": drafts to continue, and submitted applications with each case's status.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class IndexModel(ApplicationQueries queries, ServiceCatalogue catalogue) : PageModel
{
    public IReadOnlyList<ApplicationLine> Applications { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        Applications = await queries.ListAsync(applicant.AccountId, ct);
        return Page();
    }

    public string Name(string slug) => catalogue.Get(slug)?.Name.Current ?? slug;

    public int StepCount(string slug) => catalogue.Get(slug)?.Form?.Steps.Count ?? 1;
}
