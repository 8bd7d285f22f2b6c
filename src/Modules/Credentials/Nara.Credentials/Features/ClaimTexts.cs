using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Credentials.Features;

/// <summary>A claim's value for people (the wallet, the certificate PDF): yes/no, an address's formatted line, or the text.</summary>
internal static class ClaimTexts
{
    public static (string Ko, string En) Value(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => ("예", "Yes"),
        JsonValue v when v.GetValueKind() == JsonValueKind.False => ("아니요", "No"),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Same(v.GetValue<string>()),
        JsonObject o when Text(o, "formatted") is { } ko => (ko, Text(o, "formatted_en") ?? ko),
        JsonArray a => Same(string.Join(", ", a.Select(e => Value(e).Ko))),
        null => ("-", "-"),
        _ => Same(value.ToJsonString()),
    };

    private static (string, string) Same(string text) => (text, text);

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
