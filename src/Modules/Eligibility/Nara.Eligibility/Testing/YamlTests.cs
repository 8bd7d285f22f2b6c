using System.Globalization;
using System.Text.Json.Nodes;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using YamlDotNet.RepresentationModel;

namespace Nara.Eligibility.Testing;

/// <summary>One OpenFisca-style YAML test: a name, a period, inputs and expected outputs.</summary>
public sealed record YamlTest(string File, string Name, string Period, JsonObject Input, JsonObject Output, double Margin)
{
    public override string ToString() => $"{Path.GetFileName(File)}: {Name}";
}

/// <summary>
/// Runs OpenFisca-style YAML tests (<c>name</c>, <c>period</c>, <c>input</c>, <c>output</c>,
/// <c>absolute_error_margin</c>) through the same situation parser as the Web API. Inputs and outputs
/// are either variables of a single person (and their household) or full <c>persons</c>/<c>households</c>
/// maps. An expected <c>null</c> means "unknown" (a Nara extension: a required input is missing).
/// </summary>
public sealed class YamlTests(RuleSet rules)
{
    public static IReadOnlyList<YamlTest> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        var tests = (YamlSequenceNode)stream.Documents[0].RootNode;
        return [.. tests.Children.Cast<YamlMappingNode>().Select(t => YamlJson.Convert(t)!.AsObject()).Select(t => new YamlTest(
            file,
            t["name"]!.ToString(),
            t["period"]!.ToString(),
            t["input"]?.AsObject() ?? [],
            t["output"]!.AsObject(),
            Values.Number(t["absolute_error_margin"]) ?? 0))];
    }

    /// <summary>Runs the test; returns the failures (empty when it passes).</summary>
    public IReadOnlyList<string> Run(YamlTest test)
    {
        if (!Engine.Period.TryParse(test.Period, out var period))
        {
            return [Engine.Period.ParseError(test.Period)];
        }

        var document = Situation(test.Input);
        var expected = Situation(test.Output);
        foreach (var (plural, instances) in expected)
        {
            foreach (var (id, variables) in instances!.AsObject())
            {
                var target = (document[plural] ??= new JsonObject()).AsObject();
                var body = (target[id] ??= new JsonObject()).AsObject();
                foreach (var (name, _) in variables!.AsObject().Where(v => !IsRole(v.Key)))
                {
                    body[name] = new JsonObject { [period.ToString()] = null };
                }
            }
        }

        var result = new CalculateSituation(rules).Run(document, trace: false, period);
        if (result.Errors is not null)
        {
            return [result.Errors.ToJsonString()];
        }

        var failures = new List<string>();
        foreach (var (plural, instances) in expected)
        {
            foreach (var (id, variables) in instances!.AsObject())
            {
                foreach (var (name, want) in variables!.AsObject().Where(v => !IsRole(v.Key)))
                {
                    var got = result.Document![plural]![id]![name]![period.ToString()];
                    if (!Same(want, got, test.Margin))
                    {
                        failures.Add($"{plural}/{id}/{name}<{period}>: expected {want?.ToJsonString() ?? "unknown"}, got {got?.ToJsonString() ?? "unknown"}");
                    }
                }
            }
        }

        return failures;
    }

    /// <summary>The single-person shorthand becomes a person "_" in a household "_".</summary>
    private JsonObject Situation(JsonObject values)
    {
        if (values.ContainsKey("persons") || values.ContainsKey("households"))
        {
            return (JsonObject)values.DeepClone();
        }

        var person = new JsonObject();
        var household = new JsonObject { ["adults"] = new JsonArray("_") };
        foreach (var (name, value) in values)
        {
            var entity = rules.Variables.TryGetValue(name, out var v) ? v.Entity : Entities.Person;
            (entity.IsPerson ? person : household)[name] = value?.DeepClone();
        }

        return new JsonObject { ["persons"] = new JsonObject { ["_"] = person }, ["households"] = new JsonObject { ["_"] = household } };
    }

    private static bool IsRole(string key) => Entities.Household.Roles.Any(r => r.Plural == key);

    private static bool Same(JsonNode? want, JsonNode? got, double margin)
    {
        if (want is null || got is null)
        {
            return want is null && got is null;
        }

        if (Values.Number(want) is { } a && Values.Number(got) is { } b)
        {
            return Math.Abs(a - b) <= margin;
        }

        return string.Equals(want.ToJsonString(), got.ToJsonString(), StringComparison.Ordinal);
    }

    public static string Describe(IReadOnlyList<string> failures) =>
        string.Join(Environment.NewLine, failures.Select((f, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {f}")));
}
