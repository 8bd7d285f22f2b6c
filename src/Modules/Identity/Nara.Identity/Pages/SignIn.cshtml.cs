using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Domain;
using Nara.Identity.Features;
using Nara.Kernel.Security;

namespace Nara.Identity.Pages;

[AllowAnonymous]
internal sealed class SignInModel(SignInWithDemoAccount demo) : PageModel
{
    public bool DemoEnabled => demo.Enabled;

    public IReadOnlyList<Account> Accounts { get; private set; } = [];

    public string? ReturnUrl { get; private set; }

    /// <summary>The passkey form was posted: only a browser without JavaScript does that.</summary>
    public bool NoScript { get; private set; }

    public async Task OnGetAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        Accounts = await demo.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPasskeyAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        NoScript = true;
        await OnGetAsync(returnUrl, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid accountId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!demo.Enabled)
        {
            return NotFound();
        }

        var principal = await demo.PrincipalForAsync(accountId, cancellationToken);
        if (principal is null)
        {
            return BadRequest();
        }

        await HttpContext.SignInAsync(NaraSchemes.Cookie, principal);
        var fallback = principal.HasClaim(NaraClaims.ActorKind, ActorKinds.Official) ? "/officials" : "/";
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);
    }
}
