using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Registries.Data;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>GovStack read: the first record (in key order) matching query.content, as <c>{"content":{…}}</c>.</summary>
internal sealed class ReadRecord(RegistriesDbContext db, ReadLog log)
{
    /// <summary>The one error body the GovStack spec defines: read-404 has detail "no record found".</summary>
    public const string NotFoundDetail = "no record found";

    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, JsonObject? query, CancellationToken cancellationToken)
    {
        var (filter, problem) = RecordQuery.Parse(registry, query);
        if (problem is not null)
        {
            return problem;
        }

        var rows = await registry.FindAsync(db, filter!, 0, 1, track: false, cancellationToken);
        if (rows.Count == 0)
        {
            return Problems.NotFound(NotFoundDetail);
        }

        await log.RecordAsync(registry, "read", rows, caller, cancellationToken);
        return Results.Json(new JsonObject { ["content"] = RecordContent.ToJson(registry, rows[0]) });
    }
}
