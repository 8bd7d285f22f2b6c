using System.Text.Json.Nodes;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>Record JSON ⇄ field values. Every problem is collected so one answer names every bad field.</summary>
internal static class RecordContent
{
    public static JsonObject ToJson(IRegistry registry, object record)
    {
        var json = new JsonObject();
        foreach (var field in registry.Fields)
        {
            json[field.Name] = field.ToJson(record);
        }

        return json;
    }

    /// <summary>Parses a content object; unknown field names are errors, named in the message.</summary>
    public static List<FieldValue> Parse(IRegistry registry, JsonObject? content, Dictionary<string, string[]> errors)
    {
        var values = new List<FieldValue>();
        if (content is null)
        {
            return values;
        }

        foreach (var (name, node) in content)
        {
            var field = registry.FindField(name);
            if (field is null)
            {
                errors[name] = [$"{registry.Name} has no field '{name}'. Fields: {string.Join(", ", registry.Fields.Select(f => f.Name))}."];
                continue;
            }

            if (values.Any(v => v.Field == field))
            {
                errors[field.Name] = [$"{field.Name} is given twice."];
                continue;
            }

            if (FieldValues.TryFromJson(field, node, out var value, out var error))
            {
                values.Add(new FieldValue(field, value));
            }
            else
            {
                errors[field.Name] = [error!];
            }
        }

        return values;
    }

    public static string? SubjectOf(IRegistry registry, object record) =>
        registry.SubjectField is { } field && field.Get(record) is { } value ? RegistryField.ToText(value) : null;
}
