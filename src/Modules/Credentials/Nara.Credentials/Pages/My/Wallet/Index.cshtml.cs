using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>The citizen's web wallet: their credentials with type, dates and status, "get my mobile ID" and "get a certificate".</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class IndexModel(
    WalletQueries wallet, IssueResidentIdToWallet issue, IssueCertificateToWallet certificates, IOptions<CredentialsOptions> options) : PageModel
{
    public IReadOnlyList<WalletItem> Items { get; private set; } = [];

    public bool Linked { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The certificate type a notice is about (after a refused "get a certificate").</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? NoticeType { get; set; }

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

    /// <summary>The e-certificates a citizen can put in the wallet (records read through the mediator when asked).</summary>
    public static IEnumerable<Issuing.CredentialType> CertificateTypes => IssueCertificate.Types;

    public async Task<IActionResult> OnPostCertificateAsync(string? type, CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident)
        {
            return RedirectToPage();
        }

        var result = await certificates.ExecuteAsync(resident, type ?? "", Issuer.Of(HttpContext, options.Value), options.Value.Validity, Callers.Citizen(User), ct);
        return result switch
        {
            { Outcome: IssueCertificate.Outcome.Issued, Id: { } added } => Redirect($"/my/wallet/{added:D}?done=added"),
            { Outcome: IssueCertificate.Outcome.NoRecord } => RedirectToPage(new { done = "no-record", type }),
            { Outcome: IssueCertificate.Outcome.NotRegistered } => RedirectToPage(new { done = "not-registered" }),
            { Outcome: IssueCertificate.Outcome.UnknownType } => RedirectToPage(new { done = "unknown-type" }),
            _ => RedirectToPage(new { done = "unavailable", type }),
        };
    }
}
