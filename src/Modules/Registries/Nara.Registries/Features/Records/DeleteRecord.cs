using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>GovStack delete: 204 with no body; 404 for an unknown id; 409 while other records point at it.</summary>
internal sealed class DeleteRecord(RecordWriter writer)
{
    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, string id, CancellationToken cancellationToken)
    {
        var key = registry.ParseId(id, out var error);
        if (key is null)
        {
            return Problems.BadRequest(error!);
        }

        var rows = await writer.FindTrackedAsync(registry, RecordFilter.Matching(key), 1, cancellationToken);
        if (rows.Count == 0)
        {
            return Problems.NotFound($"There is no {registry.Name} record {id}.");
        }

        var problem = await writer.CheckUnreferencedAsync(registry, rows[0], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        writer.Remove(registry, rows[0]);
        return await writer.SaveAsync(registry, [(rows[0], "delete")], caller, cancellationToken) ?? Results.NoContent();
    }
}
