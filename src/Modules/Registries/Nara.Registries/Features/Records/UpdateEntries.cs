using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Kernel.Paging;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// GovStack update-entries (23Q4: updateEntries): writes write.content into every record matching
/// query.content, all or nothing. 200 with no body, as the spec says; 404 when nothing matches.
/// </summary>
internal sealed class UpdateEntries(RecordWriter writer)
{
    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, JsonObject? query, JsonObject? write, CancellationToken cancellationToken)
    {
        var (filter, problem) = RecordQuery.Parse(registry, query);
        var (values, writeProblem) = RecordQuery.ParseWrite(registry, write);
        if ((problem ?? writeProblem) is { } bad)
        {
            return bad;
        }

        var rows = await writer.FindTrackedAsync(registry, filter!, PageRequest.MaxPageSize + 1, cancellationToken);
        if (rows.Count == 0)
        {
            return Problems.NotFound("No record matches the query.");
        }

        if (rows.Count > PageRequest.MaxPageSize)
        {
            return Problems.BadRequest($"The query matches more than {PageRequest.MaxPageSize} records; narrow it.");
        }

        problem = await writer.CheckChangesAsync(registry, rows, values!, [], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var row in rows)
        {
            RecordWriter.Apply(row, values!);
        }

        return await writer.SaveAsync(registry, [.. rows.Select(r => (r, "update"))], caller, cancellationToken) ?? Results.Ok();
    }
}
