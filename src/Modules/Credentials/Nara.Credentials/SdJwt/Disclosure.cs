using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>
/// One disclosure (RFC 9901 §4.2): base64url of the JSON array [salt, name, value] for an object property, or
/// [salt, value] for an array element. <see cref="Digest"/> is base64url(SHA-256(ASCII(encoded))), the value
/// the issuer puts into <c>_sd</c> or into an array's <c>{"...": digest}</c>.
/// </summary>
internal sealed record Disclosure(string Encoded, string Salt, string? Name, JsonNode? Value)
{
    public string Digest { get; } = B64.Sha256(Encoded);

    public static Disclosure ForProperty(string salt, string name, JsonNode? value) =>
        new(B64.Encode(new JsonArray(salt, name, value?.DeepClone()).ToJsonString()), salt, name, value);

    public static Disclosure ForArrayElement(string salt, JsonNode? value) =>
        new(B64.Encode(new JsonArray(salt, value?.DeepClone()).ToJsonString()), salt, null, value);

    /// <summary>Decodes a received disclosure; null with a reason when it is not a well-formed one.</summary>
    public static Disclosure? Parse(string encoded, out string? problem)
    {
        problem = null;
        var bytes = B64.TryDecode(encoded);
        JsonArray? array = null;
        try
        {
            array = bytes is { Length: > 0 } ? JsonNode.Parse(bytes) as JsonArray : null;
        }
        catch (JsonException)
        {
        }

        if (array is null || array.Count is not (2 or 3) || array[0] is not JsonValue salt || salt.GetValueKind() != JsonValueKind.String)
        {
            problem = "a disclosure is not a base64url JSON array [salt, name, value] or [salt, value]";
            return null;
        }

        if (array.Count == 2)
        {
            return new Disclosure(encoded, salt.GetValue<string>(), null, Detach(array, 1));
        }

        if (array[1] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            problem = "a disclosure's claim name is not a string";
            return null;
        }

        var claim = name.GetValue<string>();
        if (claim is "_sd" or "...")
        {
            problem = $"a disclosure uses the reserved claim name '{claim}'";
            return null;
        }

        return new Disclosure(encoded, salt.GetValue<string>(), claim, Detach(array, 2));
    }

    /// <summary>Takes the value out of the freshly parsed array (no copy): it then has no parent and can be placed into the claims as it is.</summary>
    private static JsonNode? Detach(JsonArray array, int index)
    {
        var value = array[index];
        array.RemoveAt(index);
        return value;
    }
}
