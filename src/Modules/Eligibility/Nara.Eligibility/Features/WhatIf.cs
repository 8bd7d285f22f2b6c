using System.Globalization;
using Nara.Eligibility.Batch;
using Nara.Eligibility.Contracts;
using Nara.Eligibility.Data;
using Nara.Eligibility.Engine;
using Nara.Registries.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>What an official asks: one parameter, a new value, the day it takes effect (all as typed).</summary>
internal sealed record WhatIfQuery(string? Parameter, string? Since, string? Value);

/// <summary>Why a what-if was refused, in both languages, with the field at fault.</summary>
internal sealed record WhatIfError(string Field, string Ko, string En);

/// <summary>One group's figures: residents gaining or losing a benefit and the monthly amounts before and after.</summary>
internal sealed record WhatIfGroup(string Key, string NameKo, string NameEn, int Residents, int NewlyEligible, int NoLongerEligible, long MonthlyAmountBefore, long MonthlyAmountAfter)
{
    public long MonthlyAmountChange => MonthlyAmountAfter - MonthlyAmountBefore;
}

/// <summary>The whole answer: totals, by 시도 and by age band, per benefit.</summary>
internal sealed record WhatIfResult(string Parameter, DateOnly Since, decimal Value, decimal? CurrentValue, string Month, WhatIfGroup Total,
    IReadOnlyList<WhatIfGroup> ByRegion, IReadOnlyList<WhatIfGroup> ByAgeBand, IReadOnlyList<WhatIfGroup> ByBenefit);

/// <summary>
/// What-if for officials: the batch engine over the current population twice for the first month the reform is in
/// force — the law as it is and the law with the reform laid over it — and the differences counted. A resident
/// "becomes eligible" when a benefit goes to yes and "becomes ineligible" when it leaves yes (household benefits
/// count on the household head, as stored results do); amounts are the monthly totals of eligible results. Nothing
/// is written but the audit event.
/// </summary>
internal sealed class WhatIf(EligibilityDbContext db, IPopulationFacts registries, RuleSet rules, TimeProvider clock)
{
    private static readonly (int From, string Ko, string En)[] AgeBands =
    [
        (0, "0–5세", "0–5"), (6, "6–17세", "6–17"), (18, "18–34세", "18–34"), (35, "35–64세", "35–64"), (65, "65세 이상", "65 and over"),
    ];

    private static readonly Dictionary<string, (string Ko, string En)> Regions = new(StringComparer.Ordinal)
    {
        ["11"] = ("서울특별시", "Seoul"), ["26"] = ("부산광역시", "Busan"), ["27"] = ("대구광역시", "Daegu"), ["28"] = ("인천광역시", "Incheon"),
        ["29"] = ("광주광역시", "Gwangju"), ["30"] = ("대전광역시", "Daejeon"), ["31"] = ("울산광역시", "Ulsan"), ["36"] = ("세종특별자치시", "Sejong"),
        ["41"] = ("경기도", "Gyeonggi"), ["42"] = ("강원도", "Gangwon"), ["51"] = ("강원특별자치도", "Gangwon"), ["43"] = ("충청북도", "North Chungcheong"),
        ["44"] = ("충청남도", "South Chungcheong"), ["45"] = ("전라북도", "North Jeolla"), ["52"] = ("전북특별자치도", "Jeonbuk"),
        ["46"] = ("전라남도", "South Jeolla"), ["47"] = ("경상북도", "North Gyeongsang"), ["48"] = ("경상남도", "South Gyeongsang"), ["50"] = ("제주특별자치도", "Jeju"),
    };

    public RuleSet Rules => rules;

    /// <summary>Checks the query; the parsed reform, or the errors (nothing evaluated, nothing written).</summary>
    public (string Parameter, DateOnly Since, decimal Value)? Validate(WhatIfQuery query, List<WhatIfError> errors)
    {
        var id = query.Parameter?.Trim() ?? "";
        if (!rules.Parameters.ContainsKey(id))
        {
            errors.Add(new("parameter", id.Length == 0 ? "바꿀 기준을 고르세요." : $"'{id}'라는 기준은 없습니다. 목록에서 고르세요.",
                id.Length == 0 ? "Choose the parameter to change." : $"There is no parameter '{id}'. Choose one from the list."));
        }

        var valueText = (query.Value ?? "").Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1_000_000_000_000m)
        {
            errors.Add(new("value", "새 값은 0 이상의 숫자로 적으세요 (예: 2400000 또는 0.5).", "Enter the new value as a number, 0 or more (for example 2400000 or 0.5)."));
        }

        if (!DateOnly.TryParseExact(query.Since?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since) || since.Year < 2000 || since.Year > 2100)
        {
            errors.Add(new("since", "시행일은 2026-01-01 처럼 연-월-일로 적으세요.", "Enter the date it takes effect as year-month-day, like 2026-01-01."));
        }

        return errors.Count == 0 ? (id, since, value) : null;
    }

    public async Task<WhatIfResult> EvaluateAsync(string parameter, DateOnly since, decimal value, string officialAccountId, string? agency, CancellationToken cancellationToken)
    {
        // The first whole month the reform is in force.
        var month = Period.OfMonth(since.Day == 1 ? since : new DateOnly(since.Year, since.Month, 1).AddMonths(1));
        var reformed = rules.With(new Reform("what-if", "모의 개정", "What-if", new Dictionary<string, IReadOnlyList<DatedValue>> { [parameter] = [new DatedValue(since, value)] }));
        var population = await registries.ReadAsync(month.Start, null, cancellationToken);
        var input = BatchInput.FromRegistries(population, await MonthsPaid.LoadAsync(db, rules, month, null, cancellationToken));
        var before = BatchEngine.Evaluate(rules, input, month);
        var after = BatchEngine.Evaluate(reformed, input, month);

        var total = new Tally();
        var regions = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var bands = AgeBands.Select(_ => new Tally()).ToArray();
        var benefits = BatchBenefits.All.Select(_ => new Tally()).ToArray();
        for (var h = 0; h < population.Households; h++)
        {
            var (first, end) = (population.FirstMember[h], population.FirstMember[h + 1]);
            var head = first;
            for (var p = first; p < end; p++)
            {
                if (population.Head[p])
                {
                    head = p;
                    break;
                }
            }

            var region = regions.TryGetValue(population.Region[h] ?? "", out var r) ? r : regions[population.Region[h] ?? ""] = new Tally();
            for (var p = first; p < end; p++)
            {
                var band = bands[Band(before.Age[p])];
                var (gained, lost) = (false, false);
                foreach (var benefit in BatchBenefits.All)
                {
                    var i = benefit.PerPerson ? p : h;
                    if (!benefit.PerPerson && p != head)
                    {
                        continue;
                    }

                    var (was, now) = (before.Eligible[benefit.Index][i] == Tri.Yes, after.Eligible[benefit.Index][i] == Tri.Yes);
                    var (amountBefore, amountAfter) = (was ? before.Amount[benefit.Index][i] : 0, now ? after.Amount[benefit.Index][i] : 0);
                    gained |= now && !was;
                    lost |= was && !now;
                    foreach (var tally in new[] { total, region, band })
                    {
                        tally.Before += amountBefore;
                        tally.After += amountAfter;
                    }

                    benefits[benefit.Index].Add(now && !was, was && !now, amountBefore, amountAfter);
                    benefits[benefit.Index].Residents++;
                }

                foreach (var tally in new[] { total, region, band })
                {
                    tally.Add(gained, lost, 0, 0);
                    tally.Residents++;
                }
            }
        }

        var result = new WhatIfResult(parameter, since, value, rules.Parameters[parameter].At(month.Start)?.Value, month.ToString(),
            total.Group("total", "전체", "All residents"),
            [.. regions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Group(kv.Key,
                Regions.TryGetValue(kv.Key, out var n) ? n.Ko : $"지역 {kv.Key}", Regions.TryGetValue(kv.Key, out var e) ? e.En : $"Region {kv.Key}"))],
            [.. AgeBands.Select((b, i) => bands[i].Group(b.Ko, b.Ko, b.En))],
            [.. BatchBenefits.All.Select(b => benefits[b.Index].Group(b.Id, rules.Variable(b.EligibleVariable).LabelKo, rules.Variable(b.EligibleVariable).LabelEn))]);

        db.Publish(new WhatIfEvaluated(officialAccountId, agency, parameter, since, value, result.Month, result.Total.NewlyEligible, result.Total.NoLongerEligible,
            result.Total.MonthlyAmountBefore, result.Total.MonthlyAmountAfter), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static int Band(int age)
    {
        for (var i = AgeBands.Length - 1; i > 0; i--)
        {
            if (age >= AgeBands[i].From)
            {
                return i;
            }
        }

        return 0;
    }

    private sealed class Tally
    {
        public int Residents { get; set; }

        public int Gained { get; private set; }

        public int Lost { get; private set; }

        public long Before { get; set; }

        public long After { get; set; }

        public void Add(bool gained, bool lost, long before, long after)
        {
            Gained += gained ? 1 : 0;
            Lost += lost ? 1 : 0;
            Before += before;
            After += after;
        }

        public WhatIfGroup Group(string key, string ko, string en) => new(key, ko, en, Residents, Gained, Lost, Before, After);
    }
}
