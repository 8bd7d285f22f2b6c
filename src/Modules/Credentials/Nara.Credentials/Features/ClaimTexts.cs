using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Credentials.Features;

/// <summary>
/// A claim's value for people (the wallet, the certificate PDF, /verify): yes/no, an address's formatted line, a list's
/// entries (a family member, a business, a school) as their fields in words, or the text. Never raw JSON: it escapes
/// Hangul as \uXXXX, which no reader of a certificate can read.
/// </summary>
internal static class ClaimTexts
{
    public static (string Ko, string En) Value(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => ("예", "Yes"),
        JsonValue v when v.GetValueKind() == JsonValueKind.False => ("아니요", "No"),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Same(v.GetValue<string>()),
        JsonObject o when Text(o, "formatted") is { } ko => (ko, Text(o, "formatted_en") ?? ko),
        JsonObject o => Entry(o),
        JsonArray a => List(a),
        null => ("-", "-"),
        _ => Same(value.ToJsonString()),
    };

    private static (string, string) Same(string text) => (text, text);

    private static (string, string) List(JsonArray a)
    {
        var separator = a.Any(e => e is JsonObject) ? "; " : ", ";
        return (string.Join(separator, a.Select(e => Value(e).Ko)), string.Join(separator, a.Select(e => Value(e).En)));
    }

    /// <summary>A list entry's fields in order; an <c>x_en</c> field stands in for <c>x</c> in English and is left out in Korean.</summary>
    private static (string, string) Entry(JsonObject o)
    {
        var fields = o.Where(p => !p.Key.EndsWith("_en", StringComparison.Ordinal) && p.Value is not null).ToList();
        var ko = fields.Select(p => Value(p.Value).Ko);
        var en = fields.Select(p => Text(o, p.Key + "_en") ?? Value(p.Value).En);
        return (string.Join(" ", ko), string.Join(" ", en));
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
