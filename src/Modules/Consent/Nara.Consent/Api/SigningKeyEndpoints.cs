using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Consent.Features;
using Nara.Consent.Signing;

namespace Nara.Consent.Api;

/// <summary>
/// The consent signing keys: a public JWKS of the whole ring (anyone holding a receipt can check it, however old),
/// and rotation for platform administrators.
/// </summary>
internal static class SigningKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/consent/signing-key", (ConsentSigningKey key) => Results.Json(Jwks(key)))
            .AllowAnonymous().WithTags("Consent");
        endpoints.MapPost("/api/consent/signing-key/rotate", RotateAsync)
            .RequireAuthorization(ConsentPolicies.PlatformAdministrator).DisableAntiforgery().WithTags("Consent");
    }

    /// <summary>
    /// RFC 7517 key set, current key first. Each key also says when it became valid and, once rotated out, when it
    /// was retired (members a JWK consumer ignores): a signature dated after a key's retirement never verifies.
    /// </summary>
    public static object Jwks(ConsentSigningKey key) => new
    {
        keys = key.Keys.Select(k =>
        {
            var jwk = k.Jwk();
            return new
            {
                kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg,
                activatedAt = ConsentSnapshot.Time(k.ActivatedAt), retiredAt = ConsentSnapshot.Time(k.RetiredAt),
            };
        }),
    };

    private static async Task<IResult> RotateAsync(ClaimsPrincipal user, RotateSigningKey rotate, CancellationToken ct)
    {
        var (oldKey, newKey) = await rotate.ExecuteAsync(Callers.Actor(user), ct);
        return Results.Ok(new { previousKeyId = oldKey, keyId = newKey.KeyId, activatedAt = ConsentSnapshot.Time(newKey.ActivatedAt) });
    }
}
