using Nara.Eligibility.Engine;
using static Nara.Eligibility.Engine.Entities;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Rules;

/// <summary>Household benefits: livelihood, housing, single-parent child support, energy voucher.</summary>
internal static class HouseholdBenefits
{
    public static IEnumerable<Variable> All() =>
    [
        Vars.Computed("livelihood_benefit_eligible", ValueType.Boolean, Household, "생계급여 대상", "Eligible for the livelihood benefit",
            Laws.Livelihood, new(2000, 10, 1), "income ≤ median × livelihood_benefit.median_rate",
            c => c.All(Conditions.IncomeWithinMedianShare(c, "income", "livelihood_benefit.median_rate")), "livelihood-benefit"),
        Vars.Computed("livelihood_benefit", ValueType.Int, Household, "생계급여 (월)", "Livelihood benefit (KRW per month)",
            Laws.Livelihood, new(2000, 10, 1), "floor(median × median_rate) − income when eligible",
            c => Vars.WhenEligible(c, "livelihood_benefit_eligible", () =>
                (long)Math.Floor(c.Get<long>("median_income")!.Value * c.Parameter("livelihood_benefit.median_rate").Value) - c.Get<long>("recognised_income")),
            "livelihood-benefit"),

        Vars.Computed("housing_benefit_eligible", ValueType.Boolean, Household, "주거급여 대상", "Eligible for the housing benefit",
            Laws.Housing, new(2015, 7, 1), "income ≤ median × housing_benefit.median_rate (amount by region: not modelled)",
            c => c.All(Conditions.IncomeWithinMedianShare(c, "income", "housing_benefit.median_rate")), "housing-benefit"),

        Vars.Computed("single_parent_support_eligible", ValueType.Boolean, Household, "한부모가족 아동양육비 대상", "Eligible for single-parent child support",
            Laws.SingleParent, new(2007, 10, 17), "single-parent household with a child under max_child_age, income ≤ median × median_rate",
            c => c.All(
                Conditions.Flag(c, "single_parent", "single_parent", "한부모가족입니다", "single-parent household", "한부모가족이 아닙니다", "not a single-parent household",
                    "한부모가족 여부를 알 수 없습니다", "whether this is a single-parent household is unknown"),
                ChildrenUnder(c),
                Conditions.IncomeWithinMedianShare(c, "income", "single_parent_support.median_rate")), "single-parent-support"),
        Vars.Computed("single_parent_support", ValueType.Int, Household, "한부모가족 아동양육비 (월)", "Single-parent child support (KRW per month)",
            Laws.SingleParent, new(2007, 10, 17), "amount_per_child × children under max_child_age, when eligible",
            c => Vars.WhenEligible(c, "single_parent_support_eligible", () =>
                YoungChildren(c) is { Unknown: 0 } count ? count.Known * (long)c.Parameter("single_parent_support.amount_per_child").Value : null),
            "single-parent-support"),

        Vars.Computed("energy_voucher_eligible", ValueType.Boolean, Household, "에너지바우처 대상", "Eligible for the energy voucher",
            Laws.Energy, new(2015, 12, 1), "receives livelihood, medical, housing or education benefit, and a member is 65+, under 7, severely disabled or pregnant",
            c => c.All(ReceivesQualifyingBenefit(c), HasVulnerableMember(c)), "energy-voucher"),
    ];

    private static (long Known, int Unknown) YoungChildren(Calc household)
    {
        var limit = household.Parameter("single_parent_support.max_child_age").Value;
        var ages = household.Members(Child).Select(m => m.Get<long>("age")).ToList();
        return (ages.Count(a => a >= 0 && a < limit), ages.Count(a => a is null));
    }

    private static Check ChildrenUnder(Calc household)
    {
        var mark = household.MissingMark;
        var (known, unknown) = YoungChildren(household);
        var limit = Conditions.Number(household.Parameter("single_parent_support.max_child_age").Value);
        if (known > 0)
        {
            return new Check("child_under_18", true, $"{limit}세 미만 자녀가 {known}명 있습니다", $"{known} child(ren) under {limit}", []);
        }

        return unknown > 0
            ? Conditions.Unknown(household, "child_under_18", mark, "자녀의 나이를 알 수 없습니다", "the children's ages are unknown")
            : new Check("child_under_18", false, $"{limit}세 미만 자녀가 없습니다", $"no child under {limit}", []);
    }

    private static Check ReceivesQualifyingBenefit(Calc household)
    {
        var mark = household.MissingMark;
        (string Variable, string Ko, string En)[] benefits =
        [
            ("livelihood_benefit_eligible", "생계급여", "livelihood benefit"),
            ("housing_benefit_eligible", "주거급여", "housing benefit"),
            ("receives_medical_benefit", "의료급여", "medical benefit"),
            ("receives_education_benefit", "교육급여", "education benefit"),
        ];
        var values = benefits.Select(b => (b, Value: household.Get<bool>(b.Variable))).ToList();
        if (values.FirstOrDefault(v => v.Value == true) is { b.Variable: not null } yes)
        {
            return new Check("receives_benefit", true, $"{yes.b.Ko} 수급 가구입니다", $"the household receives the {yes.b.En}", []);
        }

        return Conditions.Any(values.Select(v => v.Value)) is null
            ? Conditions.Unknown(household, "receives_benefit", mark, "생계·주거·의료·교육급여 수급 여부를 알 수 없습니다", "whether the household receives a livelihood, housing, medical or education benefit is unknown")
            : new Check("receives_benefit", false, "생계·주거·의료·교육급여를 받지 않습니다", "the household receives no livelihood, housing, medical or education benefit", []);
    }

    private static Check HasVulnerableMember(Calc household)
    {
        var mark = household.MissingMark;
        var elderly = household.Parameter("energy_voucher.elderly_age").Value;
        var young = household.Parameter("energy_voucher.young_child_age").Value;
        var members = household.Members().Select(m =>
        {
            var age = m.Get<long>("age");
            return Conditions.Any([age is null ? null : age >= elderly || (age >= 0 && age < young), m.Get<bool>("disability_severe"), m.Get<bool>("pregnant")]);
        }).ToList();
        return Conditions.Any(members) switch
        {
            true => new Check("vulnerable_member", true, "65세 이상, 7세 미만, 중증 장애인 또는 임산부인 가구원이 있습니다", "a member is 65 or over, under 7, severely disabled or pregnant", []),
            false => new Check("vulnerable_member", false, "65세 이상, 7세 미만, 중증 장애인 또는 임산부인 가구원이 없습니다", "no member is 65 or over, under 7, severely disabled or pregnant", []),
            null => Conditions.Unknown(household, "vulnerable_member", mark, "가구원의 나이·장애·임신 여부를 알 수 없습니다", "members' ages, disability or pregnancy are unknown"),
        };
    }
}
