using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// GovStack update: changes the one record matching query.content with write.content and answers it as
/// <c>{"content":{…}}</c>. A query matching several records is refused (use update-entries).
/// </summary>
internal sealed class UpdateRecord(RecordWriter writer)
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
        return rows.Count switch
        {
            0 => Problems.NotFound("Record matching query not found."),
            > 1 => Problems.Conflict("The query matches more than one record; narrow it, or use update-entries to change them all."),
            _ => await UpdateAsync(writer, registry, caller, rows[0], values!, cancellationToken),
        };
    }

    public static async Task<IResult> UpdateAsync(RecordWriter writer, IRegistry registry, Caller caller, object record, List<FieldValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var problem = await writer.CheckChangesAsync(registry, [record], values, [], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        RecordWriter.Apply(record, values);
        return await writer.SaveAsync(registry, [(record, "update")], caller, cancellationToken)
            ?? Results.Json(new JsonObject { ["content"] = RecordContent.ToJson(registry, record) });
    }
}
