using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Audit.Contracts;
using Nara.Exchange.Features;
using Nara.Kernel.Security;

namespace Nara.Exchange.Pages.My.DataAccess;

/// <summary>
/// The inclusion proof of one access record: the platform checks it against the latest signed tree head and
/// shows every value, so the citizen (or anyone they give them to) can check it again with the public Audit API.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class ProofModel(MyDataAccess accesses) : PageModel
{
    public DataAccessView? Access { get; private set; }

    public InclusionEvidence? Proof { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (IndexModel.Resident(User) is not { } resident)
        {
            return NotFound();
        }

        (Access, Proof) = await accesses.ProveAsync(resident, id, ct);
        return Access is null ? NotFound() : Page();
    }
}
