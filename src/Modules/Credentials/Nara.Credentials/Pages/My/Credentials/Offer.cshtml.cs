using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.Oid4vci;

namespace Nara.Credentials.Pages.My.Credentials;

/// <summary>
/// The citizen puts a credential into a third-party wallet: choose the credential, get a QR code (and links) with a
/// single-use pre-authorized code and, by default, a 6-digit transaction code to type into the wallet. The codes are
/// shown once, on the POST's answer (they are stored only as hashes), so there is no redirect after the post.
/// </summary>
[Authorize(Policy = Kernel.Security.NaraPolicies.Citizen)]
internal sealed class OfferModel(CreateCredentialOffer create, OfferableCredentials offerable, IOptions<CredentialsOptions> options) : PageModel
{
    [BindProperty]
    public string Type { get; set; } = CredentialTypes.ResidentId.Id;

    [BindProperty]
    public bool TxCode { get; set; } = true;

    /// <summary>Which credential of the type, where a citizen has several (a decision letter's case id, posted from its page).</summary>
    [BindProperty]
    public string? Subject { get; set; }

    /// <summary>The general list shows the types a citizen has one of; a subject's own type is offered from its page.</summary>
    public IReadOnlyList<IOfferableCredential> Offerable =>
        [.. offerable.All.Where(o => Subject is null ? !o.NeedsSubject : o.Type.Id == Type)];

    public CreateCredentialOffer.Created? Created { get; private set; }

    public string? Link { get; private set; }

    public string? LinkByValue { get; private set; }

    public string? Qr { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident)
        {
            Error = Kernel.Localization.Bilingual.L("계정이 주민등록 정보와 연결되어 있지 않습니다.", "Your account is not linked to a registered resident.");
            return Page();
        }

        if (Subject is { Length: > 64 })
        {
            Subject = null;
        }

        Created = await create.ExecuteAsync(resident, Type, TxCode, Callers.Citizen(User), ct, Subject);
        if (Created is null)
        {
            Error = Kernel.Localization.Bilingual.L("제공할 수 없는 증명서입니다.", "That credential cannot be offered.");
            return Page();
        }

        var issuer = Issuer.Of(HttpContext, options.Value);
        Link = IssuerMetadata.OfferByReferenceLink(issuer, Created.PreAuthorizedCode);
        LinkByValue = IssuerMetadata.OfferLink(IssuerMetadata.Offer(issuer, Created.ConfigurationId, Created.PreAuthorizedCode, Created.TxCode is not null));
        Qr = QrCodes.PngDataUri(Link);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
