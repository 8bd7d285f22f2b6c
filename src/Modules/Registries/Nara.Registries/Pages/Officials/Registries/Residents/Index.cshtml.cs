using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Paging;
using Nara.Kernel.Security;
using Nara.Registries.Domain;
using Nara.Registries.Features;
using Nara.Registries.Pages.Shared;

namespace Nara.Registries.Pages.Officials.Registries.Residents;

[Authorize(Policy = NaraPolicies.RegistryViewer)]
internal sealed class IndexModel(SearchResidents search, BrowseDivisions divisions) : PageModel
{
    public string? Q { get; private set; }

    public string? Division { get; private set; }

    public IReadOnlyList<(AdminDivision Sido, IReadOnlyList<AdminDivision> Sigungu)> Areas { get; private set; } = [];

    /// <summary>Null until the official has searched: an empty form lists nobody.</summary>
    public Page<ResidentRow>? Results { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? division, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        if (!ViewerClaims.TryPage(pageNumber, out var request) || q?.Length > 100)
        {
            return BadRequest();
        }

        Areas = await divisions.AreasAsync(ct);
        Q = q?.Trim();
        Division = string.IsNullOrEmpty(division) ? null : division;
        if (Division is not null && !Areas.Any(a => a.Sido.Code == Division || a.Sigungu.Any(s => s.Code == Division)))
        {
            return BadRequest();
        }

        if (!string.IsNullOrEmpty(Q) || Division is not null)
        {
            Results = await search.RunAsync(new ResidentQuery(Q, Division, request), ct);
            Pager = new Pager(request.Page, Results.PageCount, PageHref);
        }

        return Page();
    }

    private string PageHref(int n)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrEmpty(Q))
        {
            query.Add("q", Q);
        }

        if (Division is not null)
        {
            query.Add("division", Division);
        }

        query.Add("page", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/officials/registries/residents" + query.ToQueryString();
    }
}
