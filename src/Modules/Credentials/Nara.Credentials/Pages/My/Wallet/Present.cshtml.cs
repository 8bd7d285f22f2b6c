using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Certificates;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>
/// Presenting from the web wallet: the citizen ticks the claims to disclose; with a verifier's identifier and request
/// number the presentation answers that request, otherwise it is a short-lived /verify link. Shown as a QR code and
/// as text to copy. Tampered posts (claims the credential lacks) are refused with 400 and nothing is made.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class PresentModel(WalletQueries wallet, PresentFromWallet present, IOptions<CredentialsOptions> options) : PageModel
{
    public WalletDetail? Detail { get; private set; }

    [BindProperty]
    public List<string> Claims { get; set; } = [];

    [BindProperty]
    public string? Audience { get; set; }

    [BindProperty]
    public string? Nonce { get; set; }

    public WalletPresentation? Result { get; private set; }

    public string? QrDataUri { get; private set; }

    /// <summary>none | state | unknown | too-big: why the post was refused.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Detail = Callers.Resident(User) is { } resident ? await wallet.FindAsync(resident, id, ct) : null;
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident || await wallet.FindAsync(resident, id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        if (Audience?.Length > 500 || Nonce?.Length > 500)
        {
            return Refused("unknown");
        }

        var (refusal, presentation) = await present.ExecuteAsync(resident, id, Claims.Distinct(StringComparer.Ordinal).ToList(),
            Issuer.Of(HttpContext, options.Value), Audience?.Trim(), Nonce?.Trim(), print: false, ct);
        switch (refusal)
        {
            case PresentFromWallet.Refusal.NotFound:
                return NotFound();
            case PresentFromWallet.Refusal.NotPresentable:
                return Refused("state");
            case PresentFromWallet.Refusal.NoClaims:
                return Refused("none");
            case PresentFromWallet.Refusal.UnknownClaim:
                return Refused("unknown");
        }

        // A /verify link is there to be scanned; a presentation for a verifier is copied, so it may go without a QR code.
        var qr = presentation!.Link ?? presentation.Presentation;
        if (presentation.Link is not null && !QrCodes.Fits(qr))
        {
            return Refused("too-big");
        }

        Result = presentation;
        QrDataUri = QrCodes.Fits(qr) ? QrCodes.DataUri(qr) : null;
        return Page();
    }

    private PageResult Refused(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
