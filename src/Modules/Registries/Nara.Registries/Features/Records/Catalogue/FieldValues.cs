using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Registries.Features.Records.Catalogue;

/// <summary>
/// Turns wire values (JSON in bodies, text in query strings and record ids) into CLR values for a field,
/// with an English message that names the field when a value does not fit.
/// </summary>
internal static class FieldValues
{
    public static bool TryFromJson(RegistryField field, JsonNode? node, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (node is null)
        {
            error = field.Nullable ? null : $"{field.Name} may not be null.";
            return error is null;
        }

        if (node is not JsonValue json)
        {
            error = $"{field.Name} must be a single value, not an object or array.";
            return false;
        }

        switch (field.Kind)
        {
            case FieldKind.Integer when json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out long l):
                return Finish(field, field.ClrType == typeof(int) ? (l is >= int.MinValue and <= int.MaxValue ? (int)l : null) : l, out value, out error);
            case FieldKind.Number when json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out double d):
                return Finish(field, d, out value, out error);
            case FieldKind.Boolean when json.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return Finish(field, json.GetValue<bool>(), out value, out error);
            case FieldKind.Text or FieldKind.Date or FieldKind.Enum when json.GetValueKind() == JsonValueKind.String:
                return TryFromText(field, json.GetValue<string>(), out value, out error);
            default:
                error = $"{field.Name} must be {Expected(field)}.";
                return false;
        }
    }

    public static bool TryFromText(RegistryField field, string text, out object? value, out string? error)
    {
        value = null;
        object? parsed = field.Kind switch
        {
            FieldKind.Text => text,
            FieldKind.Integer when field.ClrType == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            FieldKind.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            FieldKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            FieldKind.Boolean => bool.TryParse(text, out var b) ? b : null,
            FieldKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            FieldKind.Enum => ParseEnum(field.ClrType, text),
            _ => null,
        };
        return Finish(field, parsed, out value, out error);
    }

    /// <summary>Names only: a number would let a client write a value the enum does not define.</summary>
    private static object? ParseEnum(Type type, string text) =>
        text.Length > 0 && char.IsLetter(text[0]) && Enum.TryParse(type, text, ignoreCase: true, out var e) && Enum.IsDefined(type, e!) ? e : null;

    private static bool Finish(RegistryField field, object? parsed, out object? value, out string? error)
    {
        value = parsed;
        error = parsed switch
        {
            null => $"{field.Name} must be {Expected(field)}.",
            string s when field.MaxLength is { } max && s.Length > max => $"{field.Name} must be at most {max} characters.",
            string s when s.Length == 0 => $"{field.Name} may not be empty.",
            string s when field.Check is not null => field.Check(s),
            long l when l < field.Minimum => $"{field.Name} must be at least {field.Minimum}.",
            int i when i < field.Minimum => $"{field.Name} must be at least {field.Minimum}.",
            _ => null,
        };
        return error is null;
    }

    public static string Expected(RegistryField field) => field.Kind switch
    {
        FieldKind.Text => "a string",
        FieldKind.Integer => "a whole number",
        FieldKind.Number => "a number",
        FieldKind.Boolean => "true or false",
        FieldKind.Date => "an ISO date (yyyy-MM-dd)",
        FieldKind.Enum => "one of " + string.Join(", ", Enum.GetNames(field.ClrType)),
        _ => "a value",
    };
}
