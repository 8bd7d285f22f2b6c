using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc;

/// <summary>The outcome of an authorization request for a signed-in person.</summary>
internal abstract record AuthorizeOutcome
{
    /// <summary>Issue an authorization code for this principal.</summary>
    public sealed record Issue(ClaimsPrincipal Principal) : AuthorizeOutcome;

    /// <summary>Ask the person (consent screen).</summary>
    public sealed record AskConsent(string ClientName, ImmutableArray<string> Scopes) : AuthorizeOutcome;

    /// <summary>Answer the relying party with an OAuth error.</summary>
    public sealed record Refuse(string Error, string Description) : AuthorizeOutcome;

    /// <summary>The signed-in account is gone: sign in again.</summary>
    public sealed record SignInAgain : AuthorizeOutcome;
}

/// <summary>
/// Decides an authorization request: remembered consent issues at once, otherwise the person is asked; a
/// decision of "accept" is remembered for this client and these scopes, "deny" answers access_denied.
/// </summary>
internal sealed class AuthorizeRelyingParty(IOpenIddictApplicationManager applications, OidcPrincipals principals, Consents consents)
{
    public const string Accept = "accept";
    public const string Deny = "deny";

    public async Task<AuthorizeOutcome> ExecuteAsync(OpenIddictRequest request, Guid accountId, string? decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = await OidcClientSettings.FindAsync(applications, request.ClientId, cancellationToken);
        if (client is null)
        {
            return new AuthorizeOutcome.Refuse(Errors.InvalidClient, "The client is not registered.");
        }

        var scopes = request.GetScopes();
        if (scopes.Any(OidcScopes.IsApi))
        {
            return new AuthorizeOutcome.Refuse(Errors.InvalidScope, "API scopes are granted to agency systems through client credentials, not to people.");
        }

        if (decision == Deny)
        {
            return new AuthorizeOutcome.Refuse(Errors.AccessDenied, "The person declined to share this information.");
        }

        var principal = await principals.ForAccountAsync(accountId, client, scopes, cancellationToken);
        if (principal?.GetClaim(Claims.Subject) is not { } subject)
        {
            return new AuthorizeOutcome.SignInAgain();
        }

        var remembered = request.HasPromptValue(PromptValues.Consent) ? null : await consents.FindAsync(subject, client.ClientId, scopes, cancellationToken);
        if (remembered is null && decision != Accept)
        {
            return request.HasPromptValue(PromptValues.None)
                ? new AuthorizeOutcome.Refuse(Errors.ConsentRequired, "The person has not yet agreed to share this information.")
                : new AuthorizeOutcome.AskConsent(client.DisplayName, scopes);
        }

        principal.SetAuthorizationId(remembered ?? await consents.RememberAsync(principal, subject, client.ClientId, scopes, cancellationToken));
        return new AuthorizeOutcome.Issue(principal);
    }
}
