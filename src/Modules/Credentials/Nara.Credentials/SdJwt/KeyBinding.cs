using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>Checks the KB-JWT of a presentation (RFC 9901 §7.3) when the verifier asks for one.</summary>
internal static class KeyBinding
{
    /// <param name="holderJwk">The issuer-signed <c>cnf.jwk</c> (null when the credential names none).</param>
    public static VerifiedSdJwt? Check(JsonNode? holderJwk, string presentation, string keyBinding, VerifyOptions options)
    {
        if (!options.RequireKeyBinding)
        {
            return null;
        }

        if (keyBinding.Length == 0)
        {
            return VerifiedSdJwt.Refuse(Rejection.KeyBindingMissing, "the presentation has no key-binding JWT: the holder did not prove possession");
        }

        if (Es256.Parse(keyBinding) is not { } kb)
        {
            return VerifiedSdJwt.Refuse(Rejection.KeyBindingInvalid, "the key-binding JWT is not a compact JWS");
        }

        if (Es256.Text(kb.Header, "typ") != SdJwtPresenter.KeyBindingType || Es256.Text(kb.Header, "alg") != Es256.Algorithm)
        {
            return VerifiedSdJwt.Refuse(Rejection.KeyBindingInvalid, "the key-binding JWT is not typ kb+jwt with ES256");
        }

        using var holderKey = holderJwk is not null ? Es256.FromJwk(holderJwk) : null;
        if (holderKey is null)
        {
            return VerifiedSdJwt.Refuse(Rejection.KeyBindingInvalid, "the credential names no holder key (cnf.jwk)");
        }

        if (!kb.VerifiedBy(holderKey))
        {
            return VerifiedSdJwt.Refuse(Rejection.KeyBindingInvalid, "the key-binding JWT is not signed by the credential's holder key");
        }

        if (options.Audience is { } audience && Es256.Text(kb.Payload, "aud") != audience)
        {
            return VerifiedSdJwt.Refuse(Rejection.WrongAudience, "the presentation was made for another verifier (aud)");
        }

        if (options.Nonce is { } nonce && Es256.Text(kb.Payload, "nonce") != nonce)
        {
            return VerifiedSdJwt.Refuse(Rejection.WrongNonce, "the presentation answers another request (nonce): it may be replayed");
        }

        if (Es256.Text(kb.Payload, "sd_hash") != B64.Sha256(presentation.AsSpan(0, presentation.LastIndexOf('~') + 1)))
        {
            return VerifiedSdJwt.Refuse(Rejection.WrongSdHash, "sd_hash does not match the presented disclosures");
        }

        var maxAge = options.KeyBindingMaxAge ?? TimeSpan.FromMinutes(5);
        if (Es256.Number(kb.Payload, "iat") is not { } iat
            || Math.Abs(options.Now.ToUnixTimeSeconds() - iat) > (long)maxAge.TotalSeconds)
        {
            return VerifiedSdJwt.Refuse(Rejection.KeyBindingStale, "the key-binding JWT is too old or from the future (iat)");
        }

        return null;
    }
}
