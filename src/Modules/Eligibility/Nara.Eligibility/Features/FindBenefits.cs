using Nara.Eligibility.Contracts;
using Nara.Eligibility.Data;
using Nara.Eligibility.Engine;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>One benefit for one person (or the household), with the explanation of the result.</summary>
internal sealed record BenefitResult(
    Variable Benefit,
    MemberFacts? Person,
    bool? Eligible,
    long? Amount,
    Explanation Explanation,
    ServiceSummary? Service);

/// <summary>
/// "Benefits for you": every demo benefit evaluated on the resident's household from registry data,
/// for the month given. Per-person benefits are evaluated for every member of the household.
/// </summary>
internal sealed class FindBenefits(RuleSet rules, IBenefitFacts registries, IServiceCatalogue catalogue, EligibilityDbContext db) : IBenefitFinder
{
    public async Task<(HouseholdFacts Facts, IReadOnlyList<BenefitResult> Results)?> EvaluateAsync(long residentId, Period month, CancellationToken cancellationToken)
    {
        if (await registries.ForResidentAsync(residentId, month.Start, cancellationToken) is not { } facts)
        {
            return null;
        }

        var paid = await MonthsPaid.LoadAsync(db, rules, month, [.. facts.Members.Select(m => m.ResidentId)], cancellationToken);
        var simulation = new Simulation(rules, HouseholdSituation.From(facts, month, paid));
        var results = new List<BenefitResult>();
        foreach (var benefit in rules.Variables.Values.Where(v => v.Name.EndsWith("_eligible", StringComparison.Ordinal)).OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            var amountName = benefit.Name[..^"_eligible".Length];
            var members = benefit.Entity.IsPerson ? facts.Members.Select((m, i) => (Member: (MemberFacts?)m, Index: i)) : [(null, 0)];
            foreach (var (member, index) in members)
            {
                var eligible = simulation.Compute(benefit.Name, index, month);
                long? amount = rules.Variables.ContainsKey(amountName) ? simulation.Compute(amountName, index, month).Value as long? : null;
                var service = benefit.ServiceSlug is { } slug ? catalogue.Find(slug) : null;
                results.Add(new BenefitResult(benefit, member, eligible.Value as bool?, amount, eligible.Explanation!, service));
            }
        }

        return (facts, results);
    }

    public async Task<IReadOnlyList<BenefitDetermination>> ForResidentAsync(long residentId, DateOnly month, CancellationToken cancellationToken)
    {
        var evaluated = await EvaluateAsync(residentId, Period.OfMonth(month), cancellationToken);
        return evaluated is not { } found ? [] : [.. found.Results.Select(r => new BenefitDetermination(
            r.Benefit.Name[..^"_eligible".Length], Name(r.Benefit).Ko, Name(r.Benefit).En, r.Person?.ResidentId, r.Eligible, r.Amount,
            Reason(r.Explanation, english: false), Reason(r.Explanation, english: true),
            [.. r.Explanation.Missing.Select(m => m.Split('/')[2])], r.Service?.Slug))];
    }

    /// <summary>The benefit's name without "eligible for": from the catalogue when it has the service.</summary>
    public (string Ko, string En) Name(Variable benefit) =>
        benefit.ServiceSlug is { } slug && catalogue.Find(slug) is { } service ? (service.NameKo, service.NameEn) : (benefit.LabelKo, benefit.LabelEn);

    /// <summary>One sentence: the failing condition, the unknown ones, or all that held.</summary>
    public static string Reason(Explanation explanation, bool english)
    {
        var conditions = explanation.Result switch
        {
            false => [explanation.Failed!],
            null => explanation.Conditions.Where(c => c.Holds is null),
            _ => explanation.Conditions,
        };
        return string.Join("; ", conditions.Select(c => english ? c.TextEn : c.TextKo));
    }
}
