using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>What a verifier expects. <see cref="Audience"/> and <see cref="Nonce"/> null: no key binding asked.</summary>
internal sealed record VerifyOptions(
    Func<string, ECDsa?> IssuerKeys,
    DateTimeOffset Now,
    string? Audience = null,
    string? Nonce = null,
    string ExpectedType = "dc+sd-jwt",
    TimeSpan? KeyBindingMaxAge = null,
    Func<StatusReference, CancellationToken, ValueTask<int?>>? Status = null)
{
    public bool RequireKeyBinding => Audience is not null || Nonce is not null;
}

/// <summary>The <c>status.status_list</c> reference of a credential.</summary>
internal sealed record StatusReference(string Uri, int Index);

/// <summary>The verifier's answer: either a rejection with its reason, or the verified claims.</summary>
internal sealed record VerifiedSdJwt(
    Rejection? Rejection,
    string? Reason,
    JsonObject? Claims = null,
    IReadOnlyList<string>? DisclosedClaims = null,
    string? IssuerKeyId = null,
    StatusReference? Status = null,
    int StatusValue = 0)
{
    public bool Valid => Rejection is null;

    public static VerifiedSdJwt Refuse(Rejection rejection, string reason) => new(rejection, reason);
}

/// <summary>
/// Verifies SD-JWT presentations (RFC 9901 §7): the issuer's ES256 signature by kid, typ, every disclosure
/// referenced exactly once, no digest twice, no claim overwritten, key binding (typ, holder key from cnf.jwk,
/// aud, nonce, iat, sd_hash), validity (iat/nbf/exp) and the credential's status list entry.
/// </summary>
internal static class SdJwtVerifier
{
    public static async ValueTask<VerifiedSdJwt> VerifyAsync(string presentation, VerifyOptions options, CancellationToken cancellationToken = default)
    {
        presentation = presentation.Trim();
        var split = SdJwtPresenter.Split(presentation);
        if (split is not var (issuerJwt, encodedDisclosures, keyBinding) || Es256.Parse(issuerJwt) is not { } jws)
        {
            return VerifiedSdJwt.Refuse(Rejection.Malformed, "not an SD-JWT: expected <issuer-jwt>~<disclosure>~…~<kb-jwt>");
        }

        if (Es256.Text(jws.Header, "typ") != options.ExpectedType)
        {
            return VerifiedSdJwt.Refuse(Rejection.WrongType, $"typ is '{Es256.Text(jws.Header, "typ")}', expected '{options.ExpectedType}'");
        }

        if (Es256.Text(jws.Header, "alg") != Es256.Algorithm)
        {
            return VerifiedSdJwt.Refuse(Rejection.UnsupportedAlgorithm, "the issuer JWT is not signed with ES256");
        }

        var kid = Es256.Text(jws.Header, "kid");
        if (kid is null || options.IssuerKeys(kid) is not { } issuerKey)
        {
            return VerifiedSdJwt.Refuse(Rejection.UnknownIssuerKey, $"the issuer key '{kid}' is not one of the issuer's published keys");
        }

        if (!jws.VerifiedBy(issuerKey))
        {
            return VerifiedSdJwt.Refuse(Rejection.BadSignature, "the issuer's signature does not match: the credential was altered");
        }

        if (Es256.Text(jws.Payload, "_sd_alg") is { } alg && alg != "sha-256")
        {
            return VerifiedSdJwt.Refuse(Rejection.UnsupportedAlgorithm, $"_sd_alg '{alg}' is not supported");
        }

        var disclosures = new Dictionary<string, Disclosure>(StringComparer.Ordinal);
        foreach (var encoded in encodedDisclosures)
        {
            if (Disclosure.Parse(encoded, out var problem) is not { } disclosure)
            {
                return VerifiedSdJwt.Refuse(Rejection.MalformedDisclosure, problem!);
            }

            if (!disclosures.TryAdd(disclosure.Digest, disclosure))
            {
                return VerifiedSdJwt.Refuse(Rejection.DuplicateDisclosure, "the same disclosure is presented twice");
            }
        }

        // The holder key as the issuer signed it in clear, taken before the disclosures are unpacked into the payload:
        // unpacking works in place (the payload was parsed for this verification alone), and what a disclosure adds must
        // not become the holder key.
        var holderJwk = (jws.Payload["cnf"] as JsonObject)?["jwk"]?.DeepClone();
        var unpack = new DisclosureUnpacker(disclosures);
        var claims = jws.Payload;
        if (unpack.Object(claims) is { } failure)
        {
            return failure;
        }

        if (unpack.Unused.Count > 0)
        {
            return VerifiedSdJwt.Refuse(Rejection.DisclosureNotReferenced, "a disclosure matches no digest in the credential");
        }

        claims.Remove("_sd_alg");
        var now = options.Now.ToUnixTimeSeconds();
        if (Es256.Number(claims, "exp") is { } exp && now >= exp)
        {
            return VerifiedSdJwt.Refuse(Rejection.Expired, $"the credential expired at {DateTimeOffset.FromUnixTimeSeconds(exp):u}");
        }

        if (Es256.Number(claims, "nbf") is { } nbf && now < nbf)
        {
            return VerifiedSdJwt.Refuse(Rejection.NotYetValid, "the credential is not valid yet");
        }

        if (KeyBinding.Check(holderJwk, presentation, keyBinding, options) is { } bindingFailure)
        {
            return bindingFailure;
        }

        var status = StatusOf(claims);
        var statusValue = 0;
        if (status is not null && options.Status is { } resolve)
        {
            switch (await resolve(status, cancellationToken))
            {
                case null:
                    return VerifiedSdJwt.Refuse(Rejection.StatusUnavailable, "the status list could not be read");
                case 1:
                    return VerifiedSdJwt.Refuse(Rejection.Revoked, "the issuer revoked this credential");
                case 2:
                    return VerifiedSdJwt.Refuse(Rejection.Suspended, "the issuer suspended this credential");
                case var value:
                    statusValue = value.Value;
                    break;
            }
        }

        return new VerifiedSdJwt(null, null, claims, unpack.Disclosed, kid, status, statusValue);
    }

    private static StatusReference? StatusOf(JsonObject claims) =>
        claims["status"] is JsonObject s && s["status_list"] is JsonObject list
        && Es256.Text(list, "uri") is { } uri && Es256.Number(list, "idx") is { } idx && idx is >= 0 and <= int.MaxValue
            ? new StatusReference(uri, (int)idx)
            : null;
}
