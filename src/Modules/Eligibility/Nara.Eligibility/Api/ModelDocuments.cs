using System.Globalization;
using System.Text.Json.Nodes;
using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Api;

/// <summary>
/// The model as OpenFisca's Web API describes it. <c>description</c> is Korean (the country's
/// language); <c>labels</c> carries both languages.
/// </summary>
internal static class ModelDocuments
{
    // The path in the repository: the rules are reviewed there, like law.
    private const string Source = "src/Modules/Eligibility/Nara.Eligibility/Rules";

    public static JsonObject Variables(RuleSet rules, string baseUrl) => new(rules.Variables.Values.OrderBy(v => v.Name, StringComparer.Ordinal)
        .Select(v => KeyValuePair.Create(v.Name, (JsonNode?)new JsonObject { ["description"] = v.LabelKo, ["href"] = $"{baseUrl}/variable/{v.Name}" })));

    public static JsonObject Variable(Variable variable) => new()
    {
        ["id"] = variable.Name,
        ["description"] = variable.LabelKo,
        ["labels"] = new JsonObject { ["ko"] = variable.LabelKo, ["en"] = variable.LabelEn },
        ["valueType"] = variable.ValueType.ToString(),
        ["defaultValue"] = Values.ToJson(variable.DefaultValue),
        ["definitionPeriod"] = variable.DefinitionPeriod.ToString().ToUpperInvariant(),
        ["entity"] = variable.Entity.Key,
        ["source"] = Source,
        ["references"] = variable.Reference is { } r ? new JsonArray(r.Href) : new JsonArray(),
        ["formulas"] = variable.IsInput ? null : new JsonObject(variable.Formulas.Select(f => KeyValuePair.Create(
            f.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (JsonNode?)new JsonObject { ["content"] = f.Summary, ["source"] = Source }))),
        ["service"] = variable.ServiceSlug is { } slug ? $"/services/{slug}" : null,
    };

    public static JsonObject Parameters(RuleSet rules, string baseUrl) => new(rules.Parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal)
        .Select(p => KeyValuePair.Create(p.Id, (JsonNode?)new JsonObject { ["description"] = p.DescriptionKo, ["href"] = $"{baseUrl}/parameter/{p.Id.Replace('.', '/')}" })));

    /// <summary>A parameter with its dated values, or a node listing the parameters below it; null if neither.</summary>
    public static JsonObject? Parameter(RuleSet rules, string id)
    {
        if (rules.Parameters.TryGetValue(id, out var parameter))
        {
            return new JsonObject
            {
                ["id"] = parameter.Id,
                ["description"] = parameter.DescriptionKo,
                ["labels"] = new JsonObject { ["ko"] = parameter.DescriptionKo, ["en"] = parameter.DescriptionEn },
                ["metadata"] = new JsonObject { ["unit"] = parameter.Unit, ["reference"] = new JsonObject { ["title"] = parameter.Reference.Title, ["href"] = parameter.Reference.Href } },
                ["source"] = $"{Source}/parameters.yaml",
                ["values"] = new JsonObject(parameter.Values.Select(v => KeyValuePair.Create(v.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (JsonNode?)JsonValue.Create(v.Value)))),
            };
        }

        var children = rules.Parameters.Values.Where(p => p.Id.StartsWith(id + ".", StringComparison.Ordinal)).ToList();
        if (children.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["id"] = id,
            ["description"] = id,
            ["source"] = $"{Source}/parameters.yaml",
            ["subparams"] = new JsonObject(children.Select(c => c.Id[(id.Length + 1)..].Split('.')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject
                {
                    ["description"] = rules.Parameters.TryGetValue($"{id}.{name}", out var child) ? child.DescriptionKo : $"{id}.{name}",
                }))),
        };
    }

    public static JsonObject Entities(RuleSet rules) => new(rules.Entities.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)Entity(e))));

    private static JsonObject Entity(EntityType entity)
    {
        var json = new JsonObject
        {
            ["description"] = entity.LabelKo,
            ["documentation"] = $"{entity.LabelKo} ({entity.LabelEn})",
            ["plural"] = entity.Plural,
        };
        if (entity.Roles.Count > 0)
        {
            json["roles"] = new JsonObject(entity.Roles.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)new JsonObject
            {
                ["description"] = $"{r.LabelKo} ({r.LabelEn})",
                ["plural"] = r.Plural,
            })));
        }

        return json;
    }
}
