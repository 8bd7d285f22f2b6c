using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Services.Features;
using Nara.Services.Features.Statistics;

namespace Nara.Services.Pages.Statistics;

/// <summary>Per-service figures anyone may see (the same as <c>/api/services/statistics</c> for the open data portal).</summary>
[AllowAnonymous]
internal sealed class ServicesModel(ServiceStatistics statistics, ServiceCatalogue catalogue) : PageModel
{
    public IReadOnlyList<ServiceStats> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await statistics.ComputeAsync(null, ct);

    public string Name(string slug) => catalogue.Get(slug)?.Name.Current ?? slug;
}
