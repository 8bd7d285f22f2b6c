using System.Globalization;
using System.Text.Json.Nodes;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;

namespace Nara.Eligibility.Api;

/// <summary>
/// OpenFisca's /trace answer (<c>entitiesDescription</c>, <c>requestedCalculations</c>, <c>trace</c>
/// with each value as a vector over the entity's members), plus Nara's <c>explanations</c>: for each
/// requested eligibility, the conditions with their values, the parameters with dates and legal
/// references, the failing condition and the missing inputs.
/// </summary>
internal static class TraceDocument
{
    public static JsonObject Create(CalculationResult result)
    {
        var simulation = result.Simulation!;
        var situation = simulation.Situation;
        var trace = new JsonObject();
        foreach (var (key, node) in simulation.Trace!.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var count = situation.Of(node.Entity).Count;
            trace[key] = new JsonObject
            {
                ["dependencies"] = new JsonArray([.. node.Dependencies.Select(d => (JsonNode)JsonValue.Create(d))]),
                ["parameters"] = new JsonObject(node.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
                ["value"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => Values.ToJson(node.Values.GetValueOrDefault(i)))]),
            };
        }

        var explanations = new JsonObject();
        foreach (var request in result.Requests)
        {
            if (simulation.Explain(request.Variable, request.Index, request.Period) is { } explanation)
            {
                var id = situation.Of(request.Entity)[request.Index].Id;
                explanations[$"{request.Entity.Plural}/{id}/{request.Variable}/{request.PeriodKey}"] = Explain(explanation);
            }
        }

        return new JsonObject
        {
            ["entitiesDescription"] = new JsonObject
            {
                ["persons"] = new JsonArray([.. situation.Persons.Select(p => (JsonNode)JsonValue.Create(p.Id))]),
                ["households"] = new JsonArray([.. situation.Households.Select(h => (JsonNode)JsonValue.Create(h.Id))]),
            },
            ["requestedCalculations"] = new JsonArray([.. result.Requests.Select(r => Simulation.TraceKey(r.Variable, r.Period)).Distinct().Select(k => (JsonNode)JsonValue.Create(k))]),
            ["trace"] = trace,
            ["explanations"] = explanations,
        };
    }

    public static JsonObject Explain(Explanation explanation) => new()
    {
        ["result"] = explanation.Result is { } r ? (r ? "eligible" : "not_eligible") : "unknown",
        ["conditions"] = new JsonArray([.. explanation.Conditions.Select(c => (JsonNode)Condition(c))]),
        ["failed"] = explanation.Failed is { } failed ? Condition(failed) : null,
        ["missing"] = new JsonArray([.. explanation.Missing.Select(m => (JsonNode)JsonValue.Create(m))]),
        ["parameters"] = new JsonArray([.. explanation.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["value"] = p.Value,
            ["since"] = p.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reference"] = new JsonObject { ["title"] = p.Reference.Title, ["href"] = p.Reference.Href },
        })]),
    };

    private static JsonObject Condition(Check check) => new()
    {
        ["id"] = check.Id,
        ["holds"] = check.Holds,
        ["text"] = new JsonObject { ["ko"] = check.TextKo, ["en"] = check.TextEn },
        ["missing"] = new JsonArray([.. check.Missing.Select(m => (JsonNode)JsonValue.Create(m))]),
    };
}
