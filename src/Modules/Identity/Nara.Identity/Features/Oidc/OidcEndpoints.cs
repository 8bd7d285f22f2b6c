using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// The endpoints OpenIddict passes through to Nara after validating the request: token (claims rebuilt at every
/// issue) and userinfo; end session is a page (Pages/Connect/EndSession). Discovery, JWKS, introspection and revocation OpenIddict answers itself.
/// </summary>
internal static class OidcEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Anonymous to ASP.NET Core: OpenIddict authenticates the client, the code or the bearer token itself
        // and answers with OAuth errors, which a cookie challenge would replace with a redirect.
        endpoints.MapPost(OidcProvider.TokenPath, ExchangeAsync).ExcludeFromDescription().DisableAntiforgery().AllowAnonymous();
        endpoints.MapMethods(OidcProvider.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync).ExcludeFromDescription().DisableAntiforgery().AllowAnonymous();
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, IOpenIddictApplicationManager applications, OidcPrincipals principals, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass a token request.");
        var client = await OidcClientSettings.FindAsync(applications, request.ClientId, ct);
        if (client is null)
        {
            return Refuse(Errors.InvalidClient, "The client is not registered.");
        }

        if (request.IsClientCredentialsGrantType())
        {
            return Results.SignIn(OidcPrincipals.ForClient(client, request.GetScopes()), null, Server);
        }

        // Authorization code or refresh token: OpenIddict has checked the code or token, PKCE and the client.
        var granted = (await http.AuthenticateAsync(Server)).Principal;
        if (granted?.GetClaim(OidcPrincipals.AccountClaim) is not { } account || !Guid.TryParse(account, out var accountId))
        {
            return Refuse(Errors.InvalidGrant, "The grant is no longer valid.");
        }

        var principal = await principals.ForAccountAsync(accountId, client, granted.GetScopes(), ct);
        if (principal is null)
        {
            return Refuse(Errors.InvalidGrant, "The account behind this grant no longer exists.");
        }

        principal.SetAuthorizationId(granted.GetAuthorizationId());
        if (long.TryParse(granted.GetClaim(Claims.AuthenticationTime), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var authTime))
        {
            OidcPrincipals.SetAuthTime(principal, DateTimeOffset.FromUnixTimeSeconds(authTime));
        }

        return Results.SignIn(principal, null, Server);
    }

    /// <summary>Answers from the access token's claims, which were computed when it was issued.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(Server)).Principal;
        if (principal is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?> { [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken }),
                [Server]);
        }

        var answer = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = principal.GetClaim(Claims.Subject) };
        foreach (var claim in principal.Claims.Where(c => c.Type is Claims.Name or Claims.Birthdate or OidcPrincipals.Agency))
        {
            answer[claim.Type] = claim.Value;
        }

        foreach (var claim in principal.Claims.Where(c => c.Type.StartsWith("age_over_", StringComparison.Ordinal)))
        {
            answer[claim.Type] = claim.Value == "true";
        }

        if (principal.HasScope(OidcScopes.Official))
        {
            answer[OidcPrincipals.Roles] = principal.GetClaims(OidcPrincipals.Roles).ToArray();
        }

        return Results.Json(answer);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Server]);
}
