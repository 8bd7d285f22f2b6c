using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;

namespace Nara.Eligibility.Features;

/// <summary>The latest runs, newest first, for the officials' run history.</summary>
internal sealed class RunHistory(EligibilityDbContext db)
{
    public async Task<IReadOnlyList<MatchingRun>> LatestAsync(int take, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
}
