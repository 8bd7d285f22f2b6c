using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>GovStack create: 200 with the created record as <c>{"content":{…}}</c> (the spec says 200, not 201).</summary>
internal sealed class CreateRecord(RecordWriter writer)
{
    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, JsonObject? write, CancellationToken cancellationToken)
    {
        var (values, problem) = RecordQuery.ParseWrite(registry, write);
        if (problem is not null)
        {
            return problem;
        }

        return await CreateAsync(writer, registry, caller, values!, cancellationToken);
    }

    public static async Task<IResult> CreateAsync(RecordWriter writer, IRegistry registry, Caller caller, List<FieldValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var problem = await writer.CheckNewAsync(registry, values, [], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var record = registry.NewRecord();
        RecordWriter.Apply(record, values);
        writer.Add(registry, record);
        return await writer.SaveAsync(registry, [(record, "create")], caller, cancellationToken)
            ?? Results.Json(new JsonObject { ["content"] = RecordContent.ToJson(registry, record) });
    }
}
