using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nara.Registries.Api.GovStack;

/// <summary>
/// The GovStack envelope <c>{"query":{"content":{…}},"write":{"content":{…}}}</c>, read leniently: the
/// official compliance tests send exists as a bare record, so a body with neither part is taken as the query.
/// </summary>
internal sealed record RecordBody(JsonObject? Query, JsonObject? Write)
{
    private const int MaxBytes = 1024 * 1024;

    public static async Task<(RecordBody? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, "The request body is larger than 1 MB.");
        }

        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, $"The request body is not valid JSON: {ex.Message}");
        }

        if (root is not JsonObject body)
        {
            return (null, "The request body must be a JSON object.");
        }

        var (query, queryError) = Content(body, "query");
        var (write, writeError) = Content(body, "write");
        var error = queryError ?? writeError;
        if (error is not null)
        {
            return (null, error);
        }

        if (!body.ContainsKey("query") && !body.ContainsKey("write"))
        {
            query = body;
        }

        return (new RecordBody(query, write), null);
    }

    private static (JsonObject? Content, string? Error) Content(JsonObject body, string part)
    {
        if (!body.TryGetPropertyValue(part, out var node))
        {
            return (null, null);
        }

        return node is JsonObject { } wrapper && wrapper.TryGetPropertyValue("content", out var content) && content is JsonObject c
            ? (c, null)
            : (null, $"{part} must be an object with a 'content' object, e.g. {{\"{part}\":{{\"content\":{{…}}}}}}.");
    }
}
