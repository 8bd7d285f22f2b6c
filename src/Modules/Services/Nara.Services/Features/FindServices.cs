using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features;

/// <summary>What the catalogue page asks: a search text and/or browse filters (life event, agency, category).</summary>
internal sealed record ServiceFilter(string? Query, string? Event, string? Agency, string? Category)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Query) && Event is null && Agency is null && Category is null;
}

/// <param name="Services">The matching services: ranked when there is a query, otherwise in name order.</param>
/// <param name="Events">Per life event, how many of the query's services belong to it (the browse counts).</param>
internal sealed record ServiceFindings(
    IReadOnlyList<ServiceDefinition> Services,
    IReadOnlyList<(string Id, LocalText Name, int Count)> Events,
    IReadOnlyList<(string Id, LocalText Name, int Count)> Agencies,
    IReadOnlyList<(string Id, LocalText Name, int Count)> Categories);

/// <summary>
/// Search plus browse. Counts are taken over the services the text matches (all services without text),
/// before the browse filters, so each count says what choosing that filter would show.
/// Unknown filter values match nothing rather than being ignored, so a stale link shows an honest empty list.
/// </summary>
internal sealed class FindServices(ServiceCatalogue catalogue, SearchServices search)
{
    public ServiceFindings Find(ServiceFilter filter)
    {
        var matched = string.IsNullOrWhiteSpace(filter.Query)
            ? [.. catalogue.Services.OrderBy(s => s.Name.Current, StringComparer.CurrentCulture)]
            : search.Search(filter.Query);

        var shown = matched
            .Where(s => filter.Event is null || s.LifeEvents.Contains(filter.Event))
            .Where(s => filter.Agency is null || s.Agency == filter.Agency)
            .Where(s => filter.Category is null || s.Category == filter.Category)
            .ToList();

        return new ServiceFindings(
            shown,
            [.. LifeEvents.All.Select(e => (e.Id, e.Name, matched.Count(s => s.LifeEvents.Contains(e.Id))))],
            [.. Agencies.All.Select(a => (a.Code, a.Name, matched.Count(s => s.Agency == a.Code))).Where(a => a.Item3 > 0 || a.Code == filter.Agency)],
            [.. ServiceCategories.All.Select(c => (c.Id, c.Name, matched.Count(s => s.Category == c.Id)))]);
    }
}
