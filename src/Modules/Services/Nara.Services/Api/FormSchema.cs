using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Api;

/// <summary>
/// A catalogue form as JSON Schema (2020-12), which is what GovStack's EFormSchema carries. Prefilled fields
/// are readOnly with their registry source; steps and relative date limits are kept as x-nara-* keywords.
/// </summary>
internal static class FormSchema
{
    public static Dictionary<string, object?> Of(FormDefinition form, string title)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var step in form.Steps)
        {
            foreach (var field in step.Fields)
            {
                properties[field.Id] = Property(field, step.Id);
                if (field.Required && field.Prefill is null)
                {
                    required.Add(field.Id);
                }
            }
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = title,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
            ["x-nara-steps"] = form.Steps.Select(s => new { id = s.Id, title = s.Title.Current, fields = s.Fields.Select(f => f.Id) }).ToList(),
        };
    }

    private static Dictionary<string, object?> Property(FormField field, string step)
    {
        var p = new Dictionary<string, object?>(StringComparer.Ordinal) { ["title"] = field.Label.Current, ["x-nara-step"] = step };
        switch (field.Type)
        {
            case FieldTypes.Number:
                p["type"] = "number";
                break;
            case FieldTypes.Money:
                p["type"] = "integer";
                p["x-nara-unit"] = "KRW";
                break;
            case FieldTypes.YesNo:
                p["type"] = "boolean";
                break;
            case FieldTypes.Date:
                p["type"] = "string";
                p["format"] = "date";
                break;
            case FieldTypes.Email:
                p["type"] = "string";
                p["format"] = "email";
                break;
            case FieldTypes.File:
                p["type"] = "string";
                p["format"] = "uri";
                p["x-nara-accept"] = field.Accept;
                break;
            case FieldTypes.Choice:
                p["type"] = "string";
                p["enum"] = field.Options?.Select(o => o.Value).ToList();
                p["x-nara-labels"] = field.Options?.ToDictionary(o => o.Value, o => o.Label.Current);
                break;
            default:
                p["type"] = "string";
                break;
        }

        if (field.Type is FieldTypes.Date)
        {
            // Date limits are days from the day of application, so they cannot be fixed dates in a schema.
            p["x-nara-min-days"] = field.Min;
            p["x-nara-max-days"] = field.Max;
        }
        else if (field.Type is FieldTypes.Number or FieldTypes.Money)
        {
            p["minimum"] = field.Min;
            p["maximum"] = field.Max;
        }

        p["maxLength"] = field.MaxLength;
        p["pattern"] = field.Pattern;
        p["description"] = field.Hint?.Current;
        if (field.Prefill is not null)
        {
            p["readOnly"] = true;
            p["x-nara-prefill"] = field.Prefill;
        }

        foreach (var empty in p.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            p.Remove(empty);
        }

        return p;
    }
}
