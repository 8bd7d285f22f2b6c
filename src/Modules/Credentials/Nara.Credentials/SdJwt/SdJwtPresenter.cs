using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>
/// The holder's side (RFC 9901 §4.3, §5.3): keeps only the chosen disclosures and appends a KB-JWT
/// (<c>typ: kb+jwt</c>) signed with the holder key, binding audience, nonce, time and <c>sd_hash</c>, the digest of
/// the presentation up to and including its last '~'.
/// </summary>
internal static class SdJwtPresenter
{
    public const string KeyBindingType = "kb+jwt";

    /// <summary>Splits an SD-JWT (with or without KB-JWT) into its issuer JWT and disclosures; null when not one.</summary>
    public static (string IssuerJwt, List<string> Disclosures, string KeyBinding)? Split(string sdJwt)
    {
        var parts = sdJwt.Split('~');
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return null;
        }

        return (parts[0], [.. parts[1..^1]], parts[^1]);
    }

    /// <summary>
    /// A presentation disclosing the top-level claims named in <paramref name="claims"/> (with every element of an
    /// array claim), bound to the holder key for <paramref name="audience"/> and <paramref name="nonce"/>.
    /// </summary>
    public static string Present(string issued, IEnumerable<string> claims, ECDsa holderKey, string audience, string nonce, DateTimeOffset at)
    {
        var split = Split(issued) ?? throw new ArgumentException("Not an SD-JWT.", nameof(issued));
        var wanted = claims.ToHashSet(StringComparer.Ordinal);
        var all = split.Disclosures.Select(d => Disclosure.Parse(d, out _) ?? throw new ArgumentException("Malformed disclosure.", nameof(issued))).ToList();
        var kept = all.Where(d => d.Name is not null && wanted.Contains(d.Name)).ToList();
        var elementDigests = kept.Where(d => d.Value is JsonArray).SelectMany(d => ((JsonArray)d.Value!).OfType<JsonObject>())
            .Select(o => Es256.Text(o, "...")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        kept.AddRange(all.Where(d => d.Name is null && elementDigests.Contains(d.Digest)));
        var withoutBinding = split.IssuerJwt + "~" + string.Concat(kept.Select(d => d.Encoded + "~"));
        return withoutBinding + KeyBinding(withoutBinding, holderKey, audience, nonce, at);
    }

    public static string KeyBinding(string presentationUpToLastTilde, ECDsa holderKey, string audience, string nonce, DateTimeOffset at) =>
        Es256.Sign(
            new JsonObject { ["typ"] = KeyBindingType },
            new JsonObject
            {
                ["iat"] = at.ToUnixTimeSeconds(),
                ["aud"] = audience,
                ["nonce"] = nonce,
                ["sd_hash"] = B64.Sha256(presentationUpToLastTilde),
            },
            holderKey);
}
