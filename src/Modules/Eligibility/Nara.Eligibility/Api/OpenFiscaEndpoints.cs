using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using Nara.Kernel.Http;

namespace Nara.Eligibility.Api;

/// <summary>
/// The OpenFisca Web API (same routes and shapes, so an OpenFisca client works unchanged): public,
/// anonymous, and it never reads registry data — the caller supplies the whole situation. Mapped at
/// the site root (as an OpenFisca server is) and under /api/eligibility (the platform's URL map).
/// </summary>
internal static class OpenFiscaEndpoints
{
    // Only under the platform's URL map (architecture.md): an OpenFisca client takes a base URL, so
    // https://<host>/api/eligibility works unchanged, and the site root stays free for pages.
    public static readonly string[] Prefixes = ["/api/eligibility"];

    public const string CountryPackage = "nara-demo-rules";
    public const string CountryPackageVersion = "2025.1.0";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var prefix in Prefixes)
        {
            var api = endpoints.MapGroup(prefix).WithTags("Eligibility: OpenFisca Web API").AllowAnonymous()
                .AddEndpointFilter(async (context, next) =>
                {
                    context.HttpContext.Response.Headers["Country-Package"] = CountryPackage;
                    context.HttpContext.Response.Headers["Country-Package-Version"] = CountryPackageVersion;
                    return await next(context);
                });
            if (prefix.Length == 0)
            {
                // One description in the OpenAPI document is enough: the /api/eligibility routes.
                api.ExcludeFromDescription();
            }

            api.MapPost("/calculate", (HttpRequest request, RuleSet rules) => Calculate(request, rules, trace: false))
                .WithName($"Calculate{prefix.Length}").WithSummary("Compute the null values of a situation document.");
            api.MapPost("/trace", (HttpRequest request, RuleSet rules) => Calculate(request, rules, trace: true))
                .WithName($"Trace{prefix.Length}").WithSummary("Compute and explain: every intermediate value, its dependencies and parameters.");
            api.MapGet("/variables", (HttpRequest request, RuleSet rules) => Results.Json(ModelDocuments.Variables(rules, Base(request, prefix))))
                .WithName($"Variables{prefix.Length}").WithSummary("All variables, with a link to each.");
            api.MapGet("/variable/{id}", (string id, RuleSet rules) => rules.Variables.TryGetValue(id, out var variable)
                    ? Results.Json(ModelDocuments.Variable(variable))
                    : Problems.NotFound($"No variable named '{id}'. GET /variables lists them."))
                .WithName($"Variable{prefix.Length}").WithSummary("One variable: type, entity, period, references, formulas by date.");
            api.MapGet("/parameters", (HttpRequest request, RuleSet rules) => Results.Json(ModelDocuments.Parameters(rules, Base(request, prefix))))
                .WithName($"Parameters{prefix.Length}").WithSummary("All parameters, with a link to each.");
            api.MapGet("/parameter/{**id}", (string id, RuleSet rules) => ModelDocuments.Parameter(rules, id.Replace('/', '.')) is { } parameter
                    ? Results.Json(parameter)
                    : Problems.NotFound($"No parameter named '{id}'. GET /parameters lists them."))
                .WithName($"Parameter{prefix.Length}").WithSummary("One parameter (dated values, reference) or a node of parameters.");
            api.MapGet("/entities", (RuleSet rules) => Results.Json(ModelDocuments.Entities(rules)))
                .WithName($"Entities{prefix.Length}").WithSummary("The entities (person, household) and the household's roles.");
            api.MapGet("/spec", (HttpRequest request, RuleSet rules) => Results.Json(SpecDocument.Create(rules, Base(request, prefix))))
                .WithName($"Spec{prefix.Length}").WithSummary("The OpenAPI description of this Web API.");
        }
    }

    private static string Base(HttpRequest request, string prefix) => $"{request.Scheme}://{request.Host}{request.PathBase}{prefix}";

    private static async Task<IResult> Calculate(HttpRequest request, RuleSet rules, bool trace)
    {
        JsonObject? document;
        try
        {
            document = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"The body is not valid JSON: {e.Message}");
        }

        if (document is null)
        {
            return Problems.BadRequest("The body must be a JSON object: a situation such as {\"persons\": {...}, \"households\": {...}}.");
        }

        var result = new CalculateSituation(rules).Run(document, trace);
        if (result.Errors is not null)
        {
            return SituationProblem(result.Errors);
        }

        return trace ? TraceDocument.Result(result) : Results.Json(result.Document);
    }

    /// <summary>
    /// RFC 9457 problem details whose extension members are OpenFisca's error object, so both an
    /// OpenFisca client (reading <c>persons.Ana.salary</c>) and a problem-details client understand it.
    /// </summary>
    private static IResult SituationProblem(JsonObject errors)
    {
        var path = new List<string>();
        JsonNode? node = errors;
        while (node is JsonObject o && o.Count == 1)
        {
            var (key, value) = o.First();
            path.Add(key);
            node = value;
        }

        var extensions = errors.ToDictionary(e => e.Key, e => (object?)e.Value?.DeepClone());
        extensions["path"] = string.Join('/', path);
        return Results.Problem(
            detail: $"{string.Join('/', path)}: {node?.GetValue<string>()}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid situation",
            type: ProblemTypes.Validation,
            extensions: extensions);
    }
}
