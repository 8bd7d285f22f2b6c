using Microsoft.AspNetCore.Authorization;
using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Features.Oidc;
using Nara.Kernel.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Pages.Connect;

/// <summary>
/// The authorization endpoint's page: signs the person in if needed (cookie, back here afterwards), then asks
/// consent or issues a code. Anti-forgery is checked by hand on the consent decision only, because relying
/// parties may also POST authorization requests, which carry no token of ours.
/// </summary>
// OpenIddict validates the request; the page itself challenges for sign-in (or answers login_required).
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class AuthorizeModel(AuthorizeRelyingParty authorize, IAntiforgery antiforgery, TimeProvider clock) : PageModel
{
    public string ClientName { get; private set; } = "";

    public ImmutableArray<string> Scopes { get; private set; } = [];

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

        Parameters = [.. request.GetParameters()
            .Where(p => p.Key is not ("decision" or "__RequestVerificationToken"))
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? ""))];
        var cookie = await HttpContext.AuthenticateAsync(NaraSchemes.Cookie);
        var signedIn = Guid.TryParse(cookie.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId);
        var authTime = AuthTime(cookie.Principal);
        if (!signedIn || authTime is null || request.HasPromptValue(PromptValues.Login) || TooOld(authTime.Value, request.MaxAge))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, signedIn ? "The session is older than max_age allows." : "The person is not signed in.");
            }

            // Back here after signing in, without prompt=login so the fresh session is accepted (as in OpenIddict's
            // samples). A relying party that must be sure checks auth_time, which every id_token carries.
            var again = Parameters.Where(p => p.Key != PromptParameter).ToList();
            var prompt = string.Join(' ', request.GetPromptValues().Remove(PromptValues.Login));
            if (prompt.Length > 0)
            {
                again.Add(new(PromptParameter, prompt));
            }

            if (signedIn)
            {
                await HttpContext.SignOutAsync(NaraSchemes.Cookie);
            }

            return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(again!) }, NaraSchemes.Cookie);
        }

        switch (await authorize.ExecuteAsync(request, accountId, decision, cancellationToken))
        {
            case AuthorizeOutcome.Issue issue:
                OidcPrincipals.SetAuthTime(issue.Principal, authTime.Value);
                return SignIn(issue.Principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            case AuthorizeOutcome.Refuse refuse:
                return Refuse(refuse.Error, refuse.Description);
            case AuthorizeOutcome.AskConsent ask:
                ClientName = ask.ClientName;
                Scopes = ask.Scopes;
                return Page();
            default:
                await HttpContext.SignOutAsync(NaraSchemes.Cookie);
                return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(Parameters!) }, NaraSchemes.Cookie);
        }
    }

    private const string PromptParameter = OpenIddictConstants.Parameters.Prompt;

    private static DateTimeOffset? AuthTime(ClaimsPrincipal? session) =>
        long.TryParse(session?.FindFirstValue(NaraClaims.AuthTime), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>OIDC Core 3.1.2.1: a session authenticated more than max_age seconds ago must sign in again.</summary>
    private bool TooOld(DateTimeOffset authTime, long? maxAge) =>
        maxAge is { } seconds && clock.GetUtcNow() - authTime > TimeSpan.FromSeconds(seconds);

    private ForbidResult Refuse(string error, string description) =>
        Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
