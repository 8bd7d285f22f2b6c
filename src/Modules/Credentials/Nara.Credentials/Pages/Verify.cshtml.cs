using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Credentials.Features;

namespace Nara.Credentials.Pages;

/// <summary>
/// The public verification page: paste a presentation, see issuer, type, validity, status and only the disclosed
/// claims. Works without JavaScript; nothing about the check is stored.
/// </summary>
[AllowAnonymous]
internal sealed class VerifyModel(VerifyPresentation verify) : PageModel
{
    [BindProperty]
    public string? Presentation { get; set; }

    [BindProperty]
    public string? Audience { get; set; }

    [BindProperty]
    public string? Nonce { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    public VerificationOutcome? Outcome { get; private set; }

    public bool AgeOnly => Mode == "age";

    public void OnGet() => Outcome = null;

    public async Task OnPostAsync(CancellationToken ct)
    {
        Outcome = Presentation is { Length: > 0 and <= 64_000 } presentation
            ? await verify.ExecuteAsync(presentation, Audience, Nonce, AgeOnly, ct)
            : new VerificationOutcome(false, "malformed", "empty or too long");
    }
}
