using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Credentials.Wallet;

namespace Nara.Credentials.Pages;

/// <summary>
/// The public verification page: paste a presentation, or open the link a wallet's QR carries
/// (<c>/verify?p=…</c>, also accepted pasted), and see issuer, type, validity, status and only the disclosed claims.
/// Works without JavaScript; nothing about the check is stored.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AnonymousRateLimits.Verifications)]
internal sealed class VerifyModel(VerifyPresentation verify, IOptions<CredentialsOptions> options) : PageModel
{
    [BindProperty]
    public string? Presentation { get; set; }

    [BindProperty]
    public string? Audience { get; set; }

    [BindProperty]
    public string? Nonce { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    /// <summary>A presentation from a wallet QR's link.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public string? Linked { get; set; }

    public VerificationOutcome? Outcome { get; private set; }

    public bool AgeOnly => Mode == "age";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Outcome = null;
        if (Linked is { Length: > 0 } linked)
        {
            Presentation = VerifyLinks.Link(Origin, linked);
            Outcome = linked.Length <= 64_000
                ? await verify.ExecuteLinkAsync(linked, Origin, AgeOnly, ct)
                : new VerificationOutcome(false, "malformed", "too long");
        }
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        if (Presentation is not { Length: > 0 and <= 64_000 } text)
        {
            Outcome = new VerificationOutcome(false, "malformed", "empty or too long");
            return;
        }

        // What a wallet QR carries is a link: pasted as is, it is checked by the link's rules.
        var unwrapped = VerifyLinks.Unwrap(text);
        Outcome = unwrapped != text.Trim() && Audience is not { Length: > 0 } && Nonce is not { Length: > 0 }
            ? await verify.ExecuteLinkAsync(unwrapped, Origin, AgeOnly, ct)
            : await verify.ExecuteAsync(unwrapped, Audience, Nonce, AgeOnly, ct);
    }

    private string Origin => Issuer.Of(HttpContext, options.Value);
}
