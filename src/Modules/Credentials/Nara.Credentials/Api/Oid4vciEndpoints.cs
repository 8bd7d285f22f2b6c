using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Features;
using Nara.Credentials.Oid4vci;

namespace Nara.Credentials.Api;

/// <summary>
/// OpenID4VCI 1.0 for third-party wallets, pre-authorized code flow: issuer and authorization-server metadata, the
/// offer by reference, token, nonce and credential endpoints. The wallet is not a Nara user: these endpoints are
/// anonymous at the HTTP level and authorized by the offer's single-use code and the access token it buys.
/// Errors use the OAuth / OpenID4VCI error format wallets expect.
/// </summary>
internal static class Oid4vciEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/openid-credential-issuer", (HttpContext http, OfferableCredentials offerable, IOptions<CredentialsOptions> options) =>
            Metadata(http, IssuerMetadata.Issuer(Issuer.Of(http, options.Value), offerable.All))).AllowAnonymous().WithTags("Credentials");
        endpoints.MapGet("/.well-known/oauth-authorization-server" + IssuerMetadata.Base, (HttpContext http, IOptions<CredentialsOptions> options) =>
            Metadata(http, IssuerMetadata.AuthorizationServerMetadata(Issuer.Of(http, options.Value)))).AllowAnonymous().WithTags("Credentials");

        var group = endpoints.MapGroup(IssuerMetadata.Base).AllowAnonymous().DisableAntiforgery().WithTags("Credentials");
        group.MapGet("/offers/{code}", OfferAsync);
        group.MapPost("/token", TokenAsync);
        group.MapPost("/nonce", async (IssueNonce nonces, CancellationToken ct) => OAuthError.Ok(new JsonObject { ["c_nonce"] = await nonces.ExecuteAsync(ct) }));
        group.MapPost("/credential", CredentialAsync);
    }

    private static IResult Metadata(HttpContext http, JsonObject body)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static async Task<IResult> OfferAsync(string code, HttpContext http, ReadCredentialOffer read, IOptions<CredentialsOptions> options, CancellationToken ct) =>
        code.Length <= 200 && await read.ExecuteAsync(code, Issuer.Of(http, options.Value), ct) is { } offer
            ? OAuthError.Ok(offer)
            : Kernel.Http.Problems.NotFound("No open credential offer has that code (expired or already used).");

    /// <summary>RFC 6749 §4.1.3-style form post with the pre-authorized code grant (OpenID4VCI §6.1).</summary>
    private static async Task<IResult> TokenAsync(HttpRequest request, RedeemPreAuthorizedCode redeem, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError.Of("invalid_request", "the token request must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(ct);
        if (form["grant_type"] != IssuerMetadata.PreAuthorizedGrant)
        {
            return OAuthError.Of("unsupported_grant_type", $"only {IssuerMetadata.PreAuthorizedGrant} is supported");
        }

        var txCode = form.TryGetValue("tx_code", out var tx) ? tx.ToString() : null;
        var outcome = await redeem.ExecuteAsync(form["pre-authorized_code"].ToString(), txCode, ct);
        return outcome.AccessToken is { } token
            ? OAuthError.Ok(new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = outcome.ExpiresIn })
            : OAuthError.Of(outcome.Error!, outcome.Description!);
    }

    private static async Task<IResult> CredentialAsync(HttpContext http, IssueCredentialToWallet issue, IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
        JsonObject? body = null;
        if (http.Request.HasJsonContentType())
        {
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
        }

        var outcome = await issue.ExecuteAsync(token, body, Issuer.Of(http, options.Value), ct);
        if (outcome.BadToken)
        {
            return OAuthError.InvalidToken(http, outcome.Description!);
        }

        return outcome.Credential is { } credential
            ? OAuthError.Ok(new JsonObject { ["credentials"] = new JsonArray(new JsonObject { ["credential"] = credential }) })
            : OAuthError.Of(outcome.Error!, outcome.Description!);
    }
}
