using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>
/// Replaces digests by the disclosed claims (RFC 9901 §7.1 steps 3–5), recursively: <c>_sd</c> entries in objects,
/// <c>{"...": digest}</c> elements in arrays. Undisclosed digests vanish; a digest seen twice or a disclosure
/// that would overwrite a claim is refused. What is left in <see cref="Unused"/> matched no digest.
/// </summary>
internal sealed class DisclosureUnpacker(Dictionary<string, Disclosure> disclosures)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _disclosed = [];

    public HashSet<string> Unused { get; } = [.. disclosures.Keys];

    /// <summary>The names of the disclosed object claims, in the order met.</summary>
    public IReadOnlyList<string> Disclosed => _disclosed;

    public VerifiedSdJwt? Object(JsonObject obj)
    {
        foreach (var (name, value) in obj.ToList())
        {
            if (name != "_sd" && Node(value) is { } failure)
            {
                return failure;
            }
        }

        if (obj["_sd"] is null)
        {
            return null;
        }

        if (obj["_sd"] is not JsonArray digests)
        {
            return VerifiedSdJwt.Refuse(Rejection.Malformed, "_sd is not an array");
        }

        obj.Remove("_sd");
        foreach (var entry in digests)
        {
            if (entry is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                return VerifiedSdJwt.Refuse(Rejection.Malformed, "_sd holds something other than digests");
            }

            var digest = v.GetValue<string>();
            if (!_seen.Add(digest))
            {
                return VerifiedSdJwt.Refuse(Rejection.DuplicateDigest, "the same digest appears twice in the credential");
            }

            if (!disclosures.TryGetValue(digest, out var disclosure))
            {
                continue; // not disclosed (or a decoy)
            }

            if (disclosure.Name is null)
            {
                return VerifiedSdJwt.Refuse(Rejection.MalformedDisclosure, "an array-element disclosure is referenced from _sd");
            }

            if (obj.ContainsKey(disclosure.Name))
            {
                return VerifiedSdJwt.Refuse(Rejection.ClaimOverwritten, $"a disclosure would overwrite the claim '{disclosure.Name}'");
            }

            Unused.Remove(digest);
            var value = Take(disclosure);
            if (Node(value) is { } failure)
            {
                return failure;
            }

            obj[disclosure.Name] = value;
            _disclosed.Add(disclosure.Name);
        }

        return null;
    }

    /// <summary>
    /// A received disclosure's value goes into the claims as it is (it was parsed for this verification and has no
    /// parent; each digest is used once, a second reference is refused as a duplicate); a value that already sits in
    /// another tree (an issuer's own disclosure) is copied.
    /// </summary>
    private static JsonNode? Take(Disclosure disclosure) => disclosure.Value is { Parent: null } free ? free : disclosure.Value?.DeepClone();

    private VerifiedSdJwt? Node(JsonNode? node) => node switch
    {
        JsonObject o => Object(o),
        JsonArray a => Array(a),
        _ => null,
    };

    private VerifiedSdJwt? Array(JsonArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject { Count: 1 } marker && marker["..."] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var digest = v.GetValue<string>();
                if (!_seen.Add(digest))
                {
                    return VerifiedSdJwt.Refuse(Rejection.DuplicateDigest, "the same digest appears twice in the credential");
                }

                if (!disclosures.TryGetValue(digest, out var disclosure))
                {
                    array.RemoveAt(i--);
                    continue;
                }

                if (disclosure.Name is not null)
                {
                    return VerifiedSdJwt.Refuse(Rejection.MalformedDisclosure, "an object-property disclosure is referenced from an array");
                }

                Unused.Remove(digest);
                var value = Take(disclosure);
                if (Node(value) is { } inner)
                {
                    return inner;
                }

                array[i] = value;
                continue;
            }

            if (Node(array[i]) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }
}
