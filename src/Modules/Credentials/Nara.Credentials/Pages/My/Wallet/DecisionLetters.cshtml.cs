using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>
/// The applicant's decision letters as credentials: every decided case (or the one Services' application page links
/// to), each with "add to my wallet" and "send to a wallet app" (the OpenID4VCI offer page, for that case). Someone
/// else's case is 404, as is a case Credentials has not recorded yet (the decision arrives as an event, moments later).
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class DecisionLettersModel(IssueDecisionLetter letters, IssueDecisionLetterToWallet toWallet, IOptions<CredentialsOptions> options) : PageModel
{
    public IReadOnlyList<Domain.DecisionLetter> Letters { get; private set; } = [];

    /// <summary>The case the page was opened for; null for the whole list.</summary>
    public Guid? CaseId { get; private set; }

    public bool Linked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? caseId, CancellationToken ct)
    {
        CaseId = caseId;
        if (Callers.Resident(User) is null || Callers.Account(User) is not { } account)
        {
            return Page();
        }

        Linked = true;
        if (caseId is { } id)
        {
            var letter = await letters.FindAsync(account, id, ct);
            if (letter is null)
            {
                return NotFound();
            }

            Letters = [letter];
            return Page();
        }

        Letters = await letters.ListAsync(account, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWalletAsync(Guid? caseId, CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident || Callers.Account(User) is not { } account || caseId is not { } id)
        {
            return NotFound();
        }

        var added = await toWallet.ExecuteAsync(
            id, account, resident, User.FindFirstValue(ClaimTypes.Name), Issuer.Of(HttpContext, options.Value), Callers.Citizen(User), ct);
        return added is { } entry ? Redirect($"/my/wallet/{entry:D}?done=added") : NotFound();
    }
}
