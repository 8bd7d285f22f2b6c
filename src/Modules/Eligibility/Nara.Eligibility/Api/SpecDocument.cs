using System.Text.Json.Nodes;
using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Api;

/// <summary>The OpenAPI 3 description of the OpenFisca Web API, as OpenFisca serves at /spec.</summary>
internal static class SpecDocument
{
    public static JsonObject Create(RuleSet rules, string baseUrl) => new()
    {
        ["openapi"] = "3.0.0",
        ["info"] = new JsonObject
        {
            ["title"] = $"{OpenFiscaEndpoints.CountryPackage} Web API",
            ["description"] = "The OpenFisca-compatible Web API of Nara's benefit rules: the caller supplies the situation; no registry data is read.",
            ["version"] = OpenFiscaEndpoints.CountryPackageVersion,
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl }),
        ["paths"] = new JsonObject
        {
            ["/calculate"] = Operation("post", "Calculations", "Run a simulation: compute the null values of a situation", "Situation", "Situation"),
            ["/trace"] = Operation("post", "Calculations", "Explore a simulation's steps in details (and Nara's explanations)", "Situation", "Trace"),
            ["/variables"] = Operation("get", "Variables", "List all variables", null, "Variables"),
            ["/variable/{variableID}"] = Operation("get", "Variables", "Get information about a specific variable", null, "Variable", "variableID"),
            ["/parameters"] = Operation("get", "Parameters", "List all available parameters", null, "Parameters"),
            ["/parameter/{parameterID}"] = Operation("get", "Parameters", "Get information about a specific parameter", null, "Parameter", "parameterID"),
            ["/entities"] = Operation("get", "Entities", "List all available entities", null, "Entities"),
            ["/spec"] = Operation("get", "Documentation", "Provide the API documentation in an OpenAPI format", null, "Spec"),
        },
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                ["Situation"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject(rules.Entities.Select(e => KeyValuePair.Create(e.Plural, (JsonNode?)new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = new JsonObject { ["$ref"] = "#/components/schemas/Input" + e.Key },
                    }))),
                },
                ["Inputperson"] = Inputs(rules, Entities.Person),
                ["Inputhousehold"] = Inputs(rules, Entities.Household),
                ["VariableNames"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. rules.Variables.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)JsonValue.Create(k))]) },
            },
        },
    };

    private static JsonObject Inputs(RuleSet rules, EntityType entity)
    {
        var properties = new JsonObject(rules.Variables.Values.Where(v => v.Entity == entity).OrderBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => KeyValuePair.Create(v.Name, (JsonNode?)new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"{v.LabelKo} / {v.LabelEn}",
                ["additionalProperties"] = new JsonObject { ["type"] = JsonType(v.ValueType), ["nullable"] = true },
            })));
        foreach (var role in entity.Roles)
        {
            properties[role.Plural] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static string JsonType(Engine.ValueType type) => type switch
    {
        Engine.ValueType.Boolean => "boolean",
        Engine.ValueType.Int => "integer",
        Engine.ValueType.Float => "number",
        _ => "string",
    };

    private static JsonObject Operation(string method, string tag, string summary, string? body, string response, string? pathParameter = null)
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["summary"] = summary,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = response },
                ["400"] = new JsonObject { ["description"] = "Invalid situation: the body names the offending path (application/problem+json)." },
            },
        };
        if (body is not null)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{body}" } } },
            };
        }

        if (pathParameter is not null)
        {
            operation["parameters"] = new JsonArray(new JsonObject { ["name"] = pathParameter, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        return new JsonObject { [method] = operation };
    }
}
