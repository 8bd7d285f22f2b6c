using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>The citizen's web wallet: their credentials with type, dates and status, and "get my mobile ID".</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class IndexModel(WalletQueries wallet, IssueResidentIdToWallet issue, IOptions<CredentialsOptions> options) : PageModel
{
    public IReadOnlyList<WalletItem> Items { get; private set; } = [];

    public bool Linked { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Callers.Resident(User) is { } resident)
        {
            Linked = true;
            Items = await wallet.ListAsync(resident, ct);
        }
    }

    public async Task<IActionResult> OnPostMobileIdAsync(CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident)
        {
            return RedirectToPage();
        }

        var id = await issue.ExecuteAsync(resident, Issuer.Of(HttpContext, options.Value), options.Value.Validity, Callers.Citizen(User), ct);
        return id is { } added ? Redirect($"/my/wallet/{added:D}?done=added") : RedirectToPage(new { done = "not-registered" });
    }
}
