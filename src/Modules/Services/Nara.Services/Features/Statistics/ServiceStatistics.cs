using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Time;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Statistics;

/// <param name="Applications">Cases received (one per service of a bundle).</param>
/// <param name="MedianProcessingDays">Median calendar days from receipt to decision, over decided cases; null when none.</param>
/// <param name="OnTimeRate">Share of decided cases decided on or before their last day (0–1); null when none.</param>
internal sealed record ServiceStats(string ServiceSlug, int Applications, int Open, int Approved, int Rejected, int Withdrawn, double? MedianProcessingDays, double? OnTimeRate);

/// <summary>Per-service figures for the statistics page, the open data portal and GovStack <c>/data/statistics</c>.</summary>
internal sealed class ServiceStatistics(ServicesDbContext db)
{
    public async Task<IReadOnlyList<ServiceStats>> ComputeAsync(string? slug, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrEmpty(slug))
        {
            query = query.Where(c => c.ServiceSlug == slug);
        }

        var counts = await query.GroupBy(c => new { c.ServiceSlug, c.Status })
            .Select(g => new { g.Key.ServiceSlug, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var decided = await query.Where(c => c.DecidedAt != null)
            .Select(c => new { c.ServiceSlug, c.SubmittedAt, DecidedAt = c.DecidedAt!.Value, c.DueOn }).ToListAsync(ct);
        var decidedBySlug = decided.ToLookup(d => d.ServiceSlug);
        return [.. counts.GroupBy(c => c.ServiceSlug).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            int Of(string status) => g.Where(x => x.Status == status).Sum(x => x.Count);
            var days = decidedBySlug[g.Key].Select(d => (d.DecidedAt - d.SubmittedAt).TotalDays).Order().ToList();
            var onTime = decidedBySlug[g.Key].Count(d => DateOnly.FromDateTime(KoreaTime.ToSeoul(d.DecidedAt).DateTime) <= d.DueOn);
            return new ServiceStats(
                g.Key, g.Sum(x => x.Count), Of(CaseStatuses.Submitted) + Of(CaseStatuses.InReview) + Of(CaseStatuses.InfoRequested),
                Of(CaseStatuses.Approved), Of(CaseStatuses.Rejected), Of(CaseStatuses.Withdrawn),
                days.Count == 0 ? null : Math.Round(Median(days), 1),
                days.Count == 0 ? null : Math.Round((double)onTime / days.Count, 3));
        })];
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
