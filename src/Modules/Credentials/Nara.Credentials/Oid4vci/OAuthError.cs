using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nara.Credentials.Oid4vci;

/// <summary>
/// The protocol endpoints (token, nonce, credential, presentation response) answer errors the way OAuth 2.0 and the
/// OpenID4VC specifications define them — <c>{error, error_description}</c> — because wallets parse exactly that;
/// Nara's own APIs keep RFC 9457 problem details.
/// </summary>
internal static class OAuthError
{
    public static IResult Of(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        new NoStoreJson(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    /// <summary>RFC 6750 §3: a missing, unknown, expired or spent access token.</summary>
    public static IResult InvalidToken(HttpContext http, string description)
    {
        http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
        return Of("invalid_token", description, StatusCodes.Status401Unauthorized);
    }

    public static IResult Ok(JsonObject body) => new NoStoreJson(body, StatusCodes.Status200OK);
}

/// <summary>JSON with <c>Cache-Control: no-store</c>, as tokens, nonces and credentials must be sent (RFC 6749 §5.1).</summary>
internal sealed class NoStoreJson(JsonObject body, int status) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.ContentType = "application/json";
        return httpContext.Response.WriteAsync(body.ToJsonString());
    }
}
