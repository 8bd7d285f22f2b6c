using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Issuing;

namespace Nara.Credentials.Api;

/// <summary>
/// The issuer's public metadata: <c>/.well-known/jwt-vc-issuer</c> (SD-JWT VC issuer metadata with the JWKS inline,
/// so a verifier can check any Nara credential offline once it has fetched it) and the JWKS alone.
/// </summary>
internal static class IssuerEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/jwt-vc-issuer", (HttpContext http, IssuerKeyRing keys, IOptions<CredentialsOptions> options) =>
            Cacheable(http, new JsonObject { ["issuer"] = Issuer.Of(http, options.Value), ["jwks"] = keys.Jwks() }))
            .AllowAnonymous().WithTags("Credentials");
        endpoints.MapGet("/api/credentials/jwks", (HttpContext http, IssuerKeyRing keys) => Cacheable(http, keys.Jwks()))
            .AllowAnonymous().WithTags("Credentials");
        endpoints.MapGet("/api/credentials/types", () => Results.Json(CredentialTypes.All.Select(t => new { id = t.Id, vct = t.Vct, name = new { ko = t.NameKo, en = t.NameEn } })))
            .AllowAnonymous().WithTags("Credentials");
    }

    /// <summary>Keys change only at rotation; verifiers may cache for an hour (a rotated-in key is published before it signs).</summary>
    private static IResult Cacheable(HttpContext http, JsonObject body)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(body.ToJsonString(), "application/json");
    }
}

/// <summary>The issuer identifier: configured, or this host's own origin.</summary>
internal static class Issuer
{
    public static string Of(HttpContext http, CredentialsOptions options) =>
        options.IssuerUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
}
