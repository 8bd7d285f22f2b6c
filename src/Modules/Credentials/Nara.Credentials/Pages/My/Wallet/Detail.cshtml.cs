using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>One wallet credential: every claim (the holder may read all), its state, and remove. Someone else's id is 404.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class DetailModel(WalletQueries wallet, RemoveFromWallet remove) : PageModel
{
    public WalletDetail? Detail { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Detail = Callers.Resident(User) is { } resident ? await wallet.FindAsync(resident, id, ct) : null;
        return Detail is null ? NotFound() : Page();
    }

    /// <summary>True when a removal was posted without ticking "I understand" (re-shown with 400, nothing removed).</summary>
    public bool ConfirmMissing { get; private set; }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            Detail = Callers.Resident(User) is { } owner ? await wallet.FindAsync(owner, id, ct) : null;
            if (Detail is null)
            {
                return NotFound();
            }

            ConfirmMissing = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var removed = Callers.Resident(User) is { } resident && await remove.ExecuteAsync(resident, id, Callers.Citizen(User), ct);
        return removed ? Redirect("/my/wallet?done=removed") : NotFound();
    }
}
