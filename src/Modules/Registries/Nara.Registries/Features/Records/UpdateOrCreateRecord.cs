using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// GovStack update-or-create (23Q4: updateOrCreate): updates the one record matching query.content, or
/// creates one from write.content (completed by the query's values) when none matches. 200 either way.
/// </summary>
internal sealed class UpdateOrCreateRecord(RecordWriter writer)
{
    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, JsonObject? query, JsonObject? write, CancellationToken cancellationToken)
    {
        var (filter, problem) = RecordQuery.Parse(registry, query);
        var (values, writeProblem) = RecordQuery.ParseWrite(registry, write);
        if ((problem ?? writeProblem) is { } bad)
        {
            return bad;
        }

        var rows = await writer.FindTrackedAsync(registry, filter!, 2, cancellationToken);
        if (rows.Count > 1)
        {
            return Problems.Conflict("The query matches more than one record; narrow it.");
        }

        if (rows.Count == 1)
        {
            return await UpdateRecord.UpdateAsync(writer, registry, caller, rows[0], values!, cancellationToken);
        }

        // Ids the registry assigns cannot be chosen by a client, so they are not carried over from the query.
        var fromQuery = filter!.Equal.Where(q => !q.Field.Generated && values!.All(v => v.Field != q.Field));
        return await CreateRecord.CreateAsync(writer, registry, caller, [.. values!, .. fromQuery], cancellationToken);
    }
}
