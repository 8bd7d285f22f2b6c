using System.Text.Json.Nodes;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Wallet;

/// <summary>A credential as its holder reads it: the issuer-signed claims in clear and every disclosable claim.</summary>
internal sealed record WalletClaims(JsonObject Visible, JsonObject Disclosable)
{
    /// <summary>Reads the holder's own copy (the signature was checked when it was issued into the wallet).</summary>
    public static WalletClaims? Read(string credential)
    {
        if (SdJwtPresenter.Split(credential) is not { } split || Es256.Parse(split.IssuerJwt) is not { } jws)
        {
            return null;
        }

        var disclosable = new JsonObject();
        foreach (var encoded in split.Disclosures)
        {
            if (Disclosure.Parse(encoded, out _) is { Name: { } name } d)
            {
                disclosable[name] = d.Value is JsonArray array ? ElementsOf(array, split.Disclosures) : d.Value?.DeepClone();
            }
        }

        return new WalletClaims(jws.Payload, disclosable);
    }

    public DateTimeOffset? IssuedAt => Es256.Number(Visible, "iat") is { } iat ? DateTimeOffset.FromUnixTimeSeconds(iat) : null;

    public DateTimeOffset? ExpiresAt => Es256.Number(Visible, "exp") is { } exp ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;

    public string? Vct => Es256.Text(Visible, "vct");

    public string? Issuer => Es256.Text(Visible, "iss");

    public StatusReference? Status =>
        (Visible["status"] as JsonObject)?["status_list"] is JsonObject s && Es256.Text(s, "uri") is { } uri && Es256.Number(s, "idx") is { } idx and >= 0 and <= int.MaxValue
            ? new StatusReference(uri, (int)idx)
            : null;

    /// <summary>An array claim's elements, each from its own disclosure (as the verifier reassembles them).</summary>
    private static JsonArray ElementsOf(JsonArray hidden, IEnumerable<string> disclosures)
    {
        var byDigest = disclosures.Select(e => Disclosure.Parse(e, out _)).OfType<Disclosure>().Where(d => d.Name is null)
            .ToDictionary(d => d.Digest, StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var element in hidden)
        {
            result.Add(element is JsonObject o && Es256.Text(o, "...") is { } digest && byDigest.TryGetValue(digest, out var d) ? d.Value?.DeepClone() : element?.DeepClone());
        }

        return result;
    }
}
