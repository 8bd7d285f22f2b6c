using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Services.Features;

namespace Nara.Services.Pages.Services;

/// <summary>The catalogue: search and browse by life event, agency and category (all plain GET links, no script).</summary>
// The catalogue is public: anyone may find and read a service without signing in.
[AllowAnonymous]
internal sealed class IndexModel(FindServices find) : PageModel
{
    public ServiceFilter Filter { get; private set; } = new(null, null, null, null);

    public ServiceFindings Findings { get; private set; } = null!;

    public string Query => Filter.Query ?? "";

    public void OnGet(string? q, string? @event, string? agency, string? category)
    {
        Filter = new ServiceFilter(
            SearchServices.Normalise(q) is { Length: > 0 } text ? text : null,
            Blank(@event),
            Blank(agency),
            Blank(category));
        Findings = find.Find(Filter);
    }

    /// <summary>This page's URL with one filter set (or cleared with null), keeping the others and the search text.</summary>
    public string Link(string? @event = "", string? agency = "", string? category = "")
    {
        var query = new QueryBuilder();
        Add(query, "q", Filter.Query);
        Add(query, "event", @event == "" ? Filter.Event : @event);
        Add(query, "agency", agency == "" ? Filter.Agency : agency);
        Add(query, "category", category == "" ? Filter.Category : category);
        return "/services" + query.ToQueryString();
    }

    private static void Add(QueryBuilder query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(key, value);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
