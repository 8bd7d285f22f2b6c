using Microsoft.AspNetCore.Authorization;
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
        Detail = Citizens.Resident(User) is { } resident ? await wallet.FindAsync(resident, id, ct) : null;
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var removed = Citizens.Resident(User) is { } resident && await remove.ExecuteAsync(resident, id, Citizens.Actor(User), ct);
        return removed ? Redirect("/my/wallet?done=removed") : NotFound();
    }
}
