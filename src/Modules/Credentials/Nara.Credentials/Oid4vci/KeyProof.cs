using System.Text.Json.Nodes;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vci;

/// <summary>
/// The <c>jwt</c> key proof of OpenID4VCI (Appendix F.1): header <c>typ: openid4vci-proof+jwt</c>, ES256, the holder's
/// public key as <c>jwk</c> (no kid or x5c: Nara binds to the key itself); claims <c>aud</c> = the credential issuer
/// identifier, <c>iat</c>, and <c>nonce</c> = a c_nonce from the nonce endpoint (whose single use the caller checks).
/// </summary>
internal static class KeyProof
{
    public const string Type = "openid4vci-proof+jwt";

    /// <summary>How far <c>iat</c> may be from the issuer's clock.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    internal sealed record Checked(JsonObject? HolderJwk, string? Nonce, string? Problem);

    public static Checked Check(string? proof, string issuer, DateTimeOffset now)
    {
        if (proof is not { Length: > 0 and <= 8_000 } || Es256.Parse(proof) is not { } jws)
        {
            return Refuse("the key proof is not a compact JWS");
        }

        if (Es256.Text(jws.Header, "typ") != Type)
        {
            return Refuse($"the key proof's typ must be {Type}");
        }

        if (Es256.Text(jws.Header, "alg") != Es256.Algorithm)
        {
            return Refuse("the key proof must be signed with ES256");
        }

        if (jws.Header["kid"] is not null || jws.Header["x5c"] is not null)
        {
            return Refuse("the key proof must name its key by jwk only");
        }

        if (jws.Header["jwk"] is not JsonObject jwk || jwk["d"] is not null)
        {
            return Refuse("the key proof's header must carry the holder's public key as jwk");
        }

        using var key = Es256.FromJwk(jwk);
        if (key is null || !jws.VerifiedBy(key))
        {
            return Refuse("the key proof is not signed by the key in its jwk header");
        }

        if (Es256.Text(jws.Payload, "aud") != issuer)
        {
            return Refuse($"the key proof's aud must be the credential issuer {issuer}");
        }

        if (Es256.Number(jws.Payload, "iat") is not { } iat || Math.Abs(now.ToUnixTimeSeconds() - iat) > (long)MaxSkew.TotalSeconds)
        {
            return Refuse("the key proof's iat is missing or too far from now");
        }

        if (Es256.Text(jws.Payload, "nonce") is not { Length: > 0 } nonce)
        {
            return Refuse("the key proof carries no nonce (get one from the nonce endpoint)");
        }

        return new Checked(Es256.PublicJwk(key), nonce, null);
    }

    private static Checked Refuse(string problem) => new(null, null, problem);
}
