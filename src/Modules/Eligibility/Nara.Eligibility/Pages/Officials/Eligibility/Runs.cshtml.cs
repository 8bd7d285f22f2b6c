using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Eligibility.Domain;
using Nara.Eligibility.Features;
using Nara.Kernel.Security;
using Nara.Kernel.Time;

namespace Nara.Eligibility.Pages.Officials.Eligibility;

/// <summary>Officials' history of matching runs: kind, month, counts, duration; an unfinished run shows as interrupted or running.</summary>
[Authorize(Policy = NaraPolicies.Official)]
internal sealed class RunsModel(RunHistory history) : PageModel
{
    public IReadOnlyList<MatchingRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Runs = await history.LatestAsync(100, ct);

    public static string Started(MatchingRun run) => KoreaTime.ToSeoul(run.StartedAt).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
