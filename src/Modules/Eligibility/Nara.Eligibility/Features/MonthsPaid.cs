using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Data;
using Nara.Eligibility.Engine;
using Nara.Registries.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>
/// Months already paid of the benefits with a maximum duration (youth rent support 12, employment support 6),
/// for one month evaluated: a grant paid from month F has been paid for M − F months before month M (never
/// negative). The rules read it as the input <c>&lt;benefit&gt;_months_received</c>.
/// </summary>
internal sealed class MonthsPaid(IReadOnlyDictionary<(long Resident, string Benefit), DateOnly> firstMonths, Period month, IReadOnlyList<string> benefits)
{
    /// <summary>The rule ids of the benefits with a maximum.</summary>
    public IReadOnlyList<string> BenefitIds { get; } = benefits;

    /// <summary>The benefits whose rules have a maximum: those with a <c>&lt;id&gt;_months_received</c> input.</summary>
    public static IReadOnlyList<string> Benefits(RuleSet rules) =>
        [.. rules.Variables.Keys.Where(v => v.EndsWith(Suffix, StringComparison.Ordinal)).Select(v => v[..^Suffix.Length]).Order(StringComparer.Ordinal)];

    public const string Suffix = "_months_received";

    public static async Task<MonthsPaid> LoadAsync(EligibilityDbContext db, RuleSet rules, Period month, IReadOnlyCollection<long>? residents, CancellationToken cancellationToken)
    {
        var query = db.Grants.AsNoTracking();
        if (residents is not null)
        {
            query = query.Where(g => residents.Contains(g.ResidentId));
        }

        var grants = await query.Select(g => new { g.ResidentId, g.Benefit, g.FirstMonth }).ToListAsync(cancellationToken);
        return new MonthsPaid(grants.ToDictionary(g => (g.ResidentId, g.Benefit), g => g.FirstMonth), month, Benefits(rules));
    }

    /// <summary>Whether the resident was granted the benefit (is receiving it, or has received it).</summary>
    public bool Granted(long resident, string benefit) => firstMonths.ContainsKey((resident, benefit));

    public int For(long resident, string benefit) =>
        firstMonths.TryGetValue((resident, benefit), out var first)
            ? Math.Max(0, ((month.Start.Year - first.Year) * 12) + month.Start.Month - first.Month)
            : 0;

    /// <summary>One entry per person of the population, or null when nobody there was granted the benefit.</summary>
    public int[]? Column(PopulationColumns population, string benefit)
    {
        if (!firstMonths.Keys.Any(k => k.Benefit == benefit))
        {
            return null;
        }

        var column = new int[population.Persons];
        for (var p = 0; p < column.Length; p++)
        {
            column[p] = For(population.ResidentId[p], benefit);
        }

        return column;
    }
}
