using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Eligibility.Engine;

/// <summary>Value types, with the names OpenFisca's Web API gives them.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are OpenFisca's valueType strings, written back as they are.")]
public enum ValueType
{
    Boolean = 1,
    Int = 2,
    Float = 3,
    Date = 4,
    String = 5,
}

/// <summary>Conversions between engine values (bool, long, double, DateOnly, string) and JSON.</summary>
public static class Values
{
    public static object DefaultOf(ValueType type) => type switch
    {
        ValueType.Boolean => false,
        ValueType.Int => 0L,
        ValueType.Float => 0d,
        ValueType.Date => new DateOnly(1970, 1, 1),
        _ => string.Empty,
    };

    /// <summary>Reads a JSON value of the given type; false with OpenFisca's wording when the type does not match.</summary>
    public static bool TryRead(JsonNode? node, ValueType type, out object? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (node is JsonValue json)
        {
            switch (type)
            {
                case ValueType.Boolean when json.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    value = json.GetValue<bool>();
                    return true;
                case ValueType.Int when Number(json) is { } d && d == Math.Floor(d) && Math.Abs(d) < 9e15:
                    value = (long)d;
                    return true;
                case ValueType.Float when Number(json) is { } real:
                    value = real;
                    return true;
                case ValueType.Date when json.GetValueKind() == JsonValueKind.String
                    && DateOnly.TryParseExact(json.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    value = date;
                    return true;
                case ValueType.String when json.GetValueKind() == JsonValueKind.String:
                    value = json.GetValue<string>();
                    return true;
            }
        }

        error = $"Can't deal with value: expected type {JsonTypeName(type)}, received '{node?.ToJsonString() ?? "null"}'.";
        return false;
    }

    /// <summary>A JSON number as a double, however the node was built (parsed text or a CLR value).</summary>
    public static double? Number(JsonNode? node) =>
        node is JsonValue json && json.GetValueKind() == JsonValueKind.Number
            && double.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        string s => JsonValue.Create(s),
        _ => throw new InvalidOperationException($"Unsupported value {value.GetType().Name}."),
    };

    /// <summary>Writes a value as <see cref="ToJson"/> would have it serialized.</summary>
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            default:
                throw new InvalidOperationException($"Unsupported value {value.GetType().Name}.");
        }
    }

    private static string JsonTypeName(ValueType type) => type switch
    {
        ValueType.Boolean => "boolean",
        ValueType.Int => "integer",
        ValueType.Float => "number",
        ValueType.Date => "date (YYYY-MM-DD)",
        _ => "string",
    };
}
