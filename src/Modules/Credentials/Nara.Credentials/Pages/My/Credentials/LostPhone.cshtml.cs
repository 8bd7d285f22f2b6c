using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Credentials;

/// <summary>
/// Lost phone: suspend every valid credential at once, after a confirm step. Suspension is not final: the citizen
/// reinstates each one when the phone turns up (or revokes it and gets a new one on the new phone).
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class LostPhoneModel(SuspendAllCredentials suspendAll) : PageModel
{
    /// <summary>Valid credentials that would be suspended; null when the account has no resident record.</summary>
    public int? Valid { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Suspended { get; set; }

    public bool NotConfirmed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Valid = Callers.Resident(User) is { } resident ? await suspendAll.CountAsync(resident, ct) : null;

    public async Task<IActionResult> OnPostAsync(bool confirm, CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident)
        {
            return Forbid();
        }

        if (!confirm)
        {
            NotConfirmed = true;
            Valid = await suspendAll.CountAsync(resident, ct);
            return Page();
        }

        var suspended = await suspendAll.ExecuteAsync(resident, Callers.Citizen(User), ct);
        return RedirectToPage(new { suspended = suspended.Count });
    }
}
