using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>What to sign: claims always visible, claims the holder may disclose one by one, and the key to sign with.</summary>
/// <param name="Type">The JOSE typ (dc+sd-jwt for SD-JWT VC).</param>
/// <param name="Visible">Claims in clear in the issuer-signed JWT (iss, iat, exp, vct, cnf, status).</param>
/// <param name="Disclosable">Top-level claims each hidden behind a digest; an array value listed in
/// <paramref name="DisclosableArrayElements"/> gets one disclosure per element instead.</param>
internal sealed record SdJwtIssueRequest(
    string Type,
    JsonObject Visible,
    JsonObject Disclosable,
    ECDsa IssuerKey,
    string IssuerKeyId,
    IReadOnlySet<string>? DisclosableArrayElements = null);

/// <summary>An issued SD-JWT: the issuer-signed JWT and every disclosure, and its compact serialisation.</summary>
internal sealed record IssuedSdJwt(string IssuerJwt, IReadOnlyList<Disclosure> Disclosures)
{
    /// <summary>&lt;issuer-jwt&gt;~&lt;disclosure&gt;~…~ (no key binding: that is the holder's to add).</summary>
    public string Compact => IssuerJwt + "~" + string.Concat(Disclosures.Select(d => d.Encoded + "~"));
}

/// <summary>
/// Issues SD-JWTs (RFC 9901 §4): every disclosable claim becomes a salted disclosure whose digest goes into
/// <c>_sd</c> (sorted, so the order says nothing about the claims), with <c>_sd_alg: sha-256</c>.
/// Salts are 128 random bits unless a salt source is given (known-answer tests).
/// </summary>
internal sealed class SdJwtIssuer(Func<string>? saltSource = null)
{
    private readonly Func<string> _salt = saltSource ?? (() => B64.Encode(RandomNumberGenerator.GetBytes(16)));

    public IssuedSdJwt Issue(SdJwtIssueRequest request)
    {
        var payload = (JsonObject)request.Visible.DeepClone();
        var disclosures = new List<Disclosure>();
        var digests = new List<string>();
        foreach (var (name, value) in request.Disclosable)
        {
            if (value is JsonArray elements && request.DisclosableArrayElements?.Contains(name) == true)
            {
                var hidden = new JsonArray();
                foreach (var element in elements)
                {
                    var disclosure = Disclosure.ForArrayElement(_salt(), element);
                    disclosures.Add(disclosure);
                    hidden.Add(new JsonObject { ["..."] = disclosure.Digest });
                }

                var arrayDisclosure = Disclosure.ForProperty(_salt(), name, hidden);
                disclosures.Add(arrayDisclosure);
                digests.Add(arrayDisclosure.Digest);
                continue;
            }

            var property = Disclosure.ForProperty(_salt(), name, value);
            disclosures.Add(property);
            digests.Add(property.Digest);
        }

        digests.Sort(StringComparer.Ordinal);
        payload["_sd"] = new JsonArray([.. digests.Select(d => (JsonNode)d)]);
        payload["_sd_alg"] = "sha-256";
        var header = new JsonObject { ["typ"] = request.Type, ["kid"] = request.IssuerKeyId };
        return new IssuedSdJwt(Es256.Sign(header, payload, request.IssuerKey), disclosures);
    }
}
