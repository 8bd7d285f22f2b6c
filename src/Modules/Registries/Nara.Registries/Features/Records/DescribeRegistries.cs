using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Kernel.Localization;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// The registry catalogue in the shape of the GovStack Database API's databaseInfo (read-only: Nara's
/// schemas are code, so /database/modify and DELETE /database/{id} are not offered).
/// </summary>
internal static class DescribeRegistries
{
    public static IResult All(RegistryCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var list = new JsonArray([.. catalogue.All.Select((r, i) => (JsonNode)Describe(r, i + 1))]);
        return Results.Json(new JsonObject { ["name"] = "Nara base registries", ["code"] = "nara", ["databases"] = list });
    }

    /// <summary>By position (the spec's integer id) or by registry name.</summary>
    public static IResult One(RegistryCatalogue catalogue, string id)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var index = int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n - 1 : catalogue.All.ToList().FindIndex(r => r.Name == id);
        return index >= 0 && index < catalogue.All.Count
            ? Results.Json(Describe(catalogue.All[index], index + 1))
            : Problems.NotFound($"There is no registry '{id}'.");
    }

    private static JsonObject Describe(IRegistry registry, int id)
    {
        var properties = new JsonObject();
        foreach (var field in registry.Fields)
        {
            var property = new JsonObject { ["type"] = JsonType(field), ["description"] = field.Description };
            if (field.Kind == FieldKind.Date)
            {
                property["format"] = "date";
            }

            if (field.Kind == FieldKind.Enum)
            {
                property["enum"] = new JsonArray([.. Enum.GetNames(field.ClrType).Select(n => (JsonNode)n)]);
            }

            if (field.MaxLength is { } max)
            {
                property["maxLength"] = max;
            }

            property["primaryKey"] = field.IsKey;
            property["readOnly"] = field.Generated;
            property["nullable"] = field.Nullable;
            if (field.References is { } target)
            {
                property["references"] = target;
            }

            properties[field.Name] = property;
        }

        var required = registry.Fields.Where(f => !f.Nullable && !f.Generated).Select(f => (JsonNode)f.Name);
        return new JsonObject
        {
            ["id"] = id,
            ["version"] = RegistryCatalogue.Version,
            ["name"] = registry.Name,
            ["description"] = Bilingual.L(registry.TitleKo, registry.TitleEn),
            ["institution"] = registry.OwnerAgency,
            ["recordId"] = string.Join(':', registry.KeyFields.Select(k => "{" + k.Name + "}")),
            ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray([.. required]) },
        };
    }

    private static string JsonType(RegistryField field) => field.Kind switch
    {
        FieldKind.Integer => "integer",
        FieldKind.Number => "number",
        FieldKind.Boolean => "boolean",
        _ => "string",
    };
}
