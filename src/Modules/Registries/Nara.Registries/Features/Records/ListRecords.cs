using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nara.Kernel.Http;
using Nara.Registries.Data;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// GovStack list/search: <c>{count, next, previous, results}</c>. As the official tests require, count is
/// the number of results on this page; next and previous are links to the neighbouring pages, or null.
/// </summary>
internal sealed class ListRecords(RegistriesDbContext db, ReadLog log)
{
    public async Task<IResult> ExecuteAsync(IRegistry registry, Caller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, page, error) = ListQuery.Parse(registry, request.Query);
        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        // One row more than asked tells whether there is a next page without counting the whole registry.
        var rows = await registry.FindAsync(db, filter!, page.Skip, page.PageSize + 1, track: false, cancellationToken);
        var hasNext = rows.Count > page.PageSize;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        await log.RecordAsync(registry, "list", rows, caller, cancellationToken);
        var results = new JsonArray([.. rows.Select(r => (JsonNode)RecordContent.ToJson(registry, r))]);
        return Results.Json(new JsonObject
        {
            ["count"] = rows.Count,
            ["next"] = hasNext ? PageLink(request, page.Page + 1) : null,
            ["previous"] = page.Page > 1 ? PageLink(request, page.Page - 1) : null,
            ["results"] = results,
        });
    }

    private static string PageLink(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .Append(new KeyValuePair<string, StringValues>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }
}
