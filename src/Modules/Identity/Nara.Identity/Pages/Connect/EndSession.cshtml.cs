using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Oidc;
using Nara.Kernel.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Nara.Identity.Pages.Connect;

/// <summary>
/// RP-initiated logout. OpenIddict has already checked the request (a post_logout_redirect_uri must be registered
/// for the client). A relying party that proves which session it means (an id_token_hint it received for this
/// very person) signs them out at once; otherwise the person confirms on a page (POST with anti-forgery), so a
/// link on another site cannot sign anyone out. Anti-forgery is checked by hand because relying parties may
/// also POST logout requests, which carry no token of ours.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class EndSessionModel(IAntiforgery antiforgery, IOpenIddictApplicationManager applications, PairwiseSubjects subjects) : PageModel
{
    public const string SignOutDecision = "signout";
    public const string StayDecision = "stay";

    /// <summary>The display name of the relying party that asks, when it said who it is.</summary>
    public string? ClientName { get; private set; }

    /// <summary>The request's parameters, posted back with the decision.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => HandleAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? decision, CancellationToken cancellationToken)
    {
        if (decision is not null && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        return await HandleAsync(decision, cancellationToken);
    }

    private async Task<IActionResult> HandleAsync(string? decision, CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return BadRequest();
        }

        if (decision == StayDecision)
        {
            return LocalRedirect("/");
        }

        var session = await HttpContext.AuthenticateAsync(NaraSchemes.Cookie);
        var accountId = Guid.TryParse(session.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        // Nobody to sign out, an explicit decision, or a hint naming this very session: no need to ask.
        if (accountId is null || decision == SignOutDecision || await HintNamesAsync(accountId.Value, cancellationToken))
        {
            await HttpContext.SignOutAsync(NaraSchemes.Cookie);
            // OpenIddict returns to the validated post_logout_redirect_uri, or here to the home page without one.
            return SignOut(new AuthenticationProperties { RedirectUri = "/" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        Parameters = [.. request.GetParameters()
            .Where(p => p.Key is not ("decision" or "__RequestVerificationToken"))
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? ""))];
        var clientId = request.ClientId ?? (await HintAsync())?.GetAudiences().FirstOrDefault();
        ClientName = (await OidcClientSettings.FindAsync(applications, clientId, cancellationToken))?.DisplayName;
        return Page();
    }

    /// <summary>The id_token_hint OpenIddict validated (issued by Nara, signature checked), if any.</summary>
    private async Task<ClaimsPrincipal?> HintAsync() =>
        (await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;

    /// <summary>True when the hint's subject is the signed-in account's subject at the client the hint was issued to.</summary>
    private async Task<bool> HintNamesAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var hint = await HintAsync();
        if (hint?.GetClaim(OpenIddictConstants.Claims.Subject) is not { } subject || hint.GetAudiences().FirstOrDefault() is not { } audience)
        {
            return false;
        }

        var client = await OidcClientSettings.FindAsync(applications, audience, cancellationToken);
        return client is not null && string.Equals(await subjects.SubjectForAsync(accountId, client, cancellationToken), subject, StringComparison.Ordinal);
    }
}
