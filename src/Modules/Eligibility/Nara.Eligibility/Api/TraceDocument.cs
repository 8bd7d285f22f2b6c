using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;

namespace Nara.Eligibility.Api;

/// <summary>
/// OpenFisca's /trace answer (<c>entitiesDescription</c>, <c>requestedCalculations</c>, <c>trace</c>
/// with each value as a vector over the entity's members), plus Nara's <c>explanations</c>: for each
/// requested eligibility, the conditions with their values, the parameters with dates and legal
/// references, the failing condition and the missing inputs.
/// </summary>
/// <remarks>
/// Written straight to the response with <see cref="Utf8JsonWriter"/> (a household's answer is ~50 kB: building it
/// as a <c>JsonObject</c> tree first cost thousands of node objects per request). The bytes are those
/// <c>Results.Json</c> wrote for the tree: same member order, the app's JSON encoder and indentation.
/// </remarks>
internal static class TraceDocument
{
    public static IResult Result(CalculationResult result) => new TraceResult(result);

    public static void Write(Utf8JsonWriter json, CalculationResult result)
    {
        var simulation = result.Simulation!;
        var situation = simulation.Situation;
        json.WriteStartObject();

        json.WriteStartObject("entitiesDescription");
        json.WriteStartArray("persons");
        foreach (var person in situation.Persons)
        {
            json.WriteStringValue(person.Id);
        }

        json.WriteEndArray();
        json.WriteStartArray("households");
        foreach (var household in situation.Households)
        {
            json.WriteStringValue(household.Id);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("requestedCalculations");
        var requested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in result.Requests)
        {
            var key = Simulation.TraceKey(request.Variable, request.Period);
            if (requested.Add(key))
            {
                json.WriteStringValue(key);
            }
        }

        json.WriteEndArray();

        json.WriteStartObject("trace");
        foreach (var (key, node) in simulation.Trace!.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(key);
            json.WriteStartArray("dependencies");
            foreach (var dependency in node.Dependencies)
            {
                json.WriteStringValue(dependency);
            }

            json.WriteEndArray();
            json.WriteStartObject("parameters");
            foreach (var (id, value) in node.Parameters)
            {
                json.WriteNumber(id, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("value");
            var count = situation.Of(node.Entity).Count;
            for (var i = 0; i < count; i++)
            {
                Values.Write(json, node.Values.GetValueOrDefault(i));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();

        // A key names the request's entity, member, variable and period as written, so a repeated key would be the
        // same determination: written once, where it first appears (as the JsonObject tree did).
        json.WriteStartObject("explanations");
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in result.Requests)
        {
            if (simulation.Explain(request.Variable, request.Index, request.Period) is { } explanation)
            {
                var id = situation.Of(request.Entity)[request.Index].Id;
                var key = $"{request.Entity.Plural}/{id}/{request.Variable}/{request.PeriodKey}";
                if (explained.Add(key))
                {
                    json.WritePropertyName(key);
                    Explain(json, explanation);
                }
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void Explain(Utf8JsonWriter json, Explanation explanation)
    {
        json.WriteStartObject();
        json.WriteString("result", explanation.Result is { } r ? (r ? "eligible" : "not_eligible") : "unknown");
        json.WriteStartArray("conditions");
        foreach (var condition in explanation.Conditions)
        {
            Condition(json, condition);
        }

        json.WriteEndArray();
        json.WritePropertyName("failed");
        if (explanation.Failed is { } failed)
        {
            Condition(json, failed);
        }
        else
        {
            json.WriteNullValue();
        }

        Strings(json, "missing", explanation.Missing);
        json.WriteStartArray("parameters");
        foreach (var parameter in explanation.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("id", parameter.Id);
            json.WriteNumber("value", parameter.Value);
            json.WriteString("since", parameter.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("reference");
            json.WriteString("title", parameter.Reference.Title);
            json.WriteString("href", parameter.Reference.Href);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter json, Check check)
    {
        json.WriteStartObject();
        json.WriteString("id", check.Id);
        json.WritePropertyName("holds");
        if (check.Holds is { } holds)
        {
            json.WriteBooleanValue(holds);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartObject("text");
        json.WriteString("ko", check.TextKo);
        json.WriteString("en", check.TextEn);
        json.WriteEndObject();
        Strings(json, "missing", check.Missing);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the document into the response's pipe (buffered there; sent on the flush).</summary>
    private sealed class TraceResult(CalculationResult result) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            // The encoder and indentation Results.Json would use (the app's JSON options: relaxed escaping, so Korean
            // text is written as UTF-8, not \uXXXX), so the bytes are those of the serialized tree.
            var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = httpContext.Response.BodyWriter;
            await using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented }))
            {
                Write(json, result);
            }

            await body.FlushAsync(httpContext.RequestAborted);
        }
    }
}
