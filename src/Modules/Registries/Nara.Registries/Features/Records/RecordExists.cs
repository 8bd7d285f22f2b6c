using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Registries.Data;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>GovStack exists: always 200, <c>{"answer":{"status":bool,"message":…}}</c>.</summary>
internal sealed class RecordExists(RegistriesDbContext db, ReadLog log)
{
    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, JsonObject? query, CancellationToken cancellationToken)
    {
        var (filter, problem) = RecordQuery.Parse(registry, query);
        if (problem is not null)
        {
            return problem;
        }

        var rows = await registry.FindAsync(db, filter!, 0, 1, track: false, cancellationToken);

        // Knowing that a record about someone exists is itself personal data, so it is logged like a read.
        await log.RecordAsync(registry, "exists", rows, caller, cancellationToken);
        var found = rows.Count > 0;
        return Results.Json(new JsonObject
        {
            ["answer"] = new JsonObject
            {
                ["status"] = found,
                ["message"] = found ? "Object found from database" : "Object not found from database",
            },
        });
    }
}
