using Nara.Eligibility.Engine;
using static Nara.Eligibility.Engine.Entities;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Rules;

/// <summary>Per-person benefits: basic pension, youth monthly rent, national employment support, disability pension.</summary>
internal static class PersonBenefits
{
    public static IEnumerable<Variable> All() =>
    [
        Vars.Computed("basic_pension_eligible", ValueType.Boolean, Person, "기초연금 대상", "Eligible for the basic pension",
            Laws.BasicPension, new(2014, 7, 1), "age ≥ min_age and household income ≤ income_limit_couple (couple) or income_limit_single",
            c => c.All(Conditions.AgeYears(c, "age", c.Parameter("basic_pension.min_age"), null), BasicPensionIncome(c.Household)), "basic-pension"),
        Vars.Computed("basic_pension", ValueType.Int, Person, "기초연금 (월)", "Basic pension (KRW per month)",
            Laws.BasicPension, new(2014, 7, 1), "basic_pension.amount when eligible",
            c => Vars.WhenEligible(c, "basic_pension_eligible", () => (long)c.Parameter("basic_pension.amount").Value), "basic-pension"),

        Vars.Computed("youth_rent_support_eligible", ValueType.Boolean, Person, "청년월세 지원 대상", "Eligible for youth monthly rent support",
            Laws.YouthRent, new(2022, 8, 1), "min_age ≤ age ≤ max_age, 1-person household, income ≤ median × median_rate, pays rent",
            c => c.All(
                Conditions.AgeYears(c, "age", c.Parameter("youth_rent_support.min_age"), c.Parameter("youth_rent_support.max_age")),
                LivesAlone(c.Household),
                Conditions.IncomeWithinMedianShare(c.Household, "income", "youth_rent_support.median_rate"),
                Conditions.Flag(c, "pays_rent", "pays_rent", "월세를 내고 있습니다", "pays rent", "월세를 내지 않습니다", "does not pay rent",
                    "월세 납부 여부를 알 수 없습니다", "whether rent is paid is unknown"),
                Conditions.MonthsLeft(c, "youth_rent_support")), "youth-rent-support"),
        MonthsRemaining("youth_rent_support", "청년월세 지원 남은 개월 수", "Months of youth rent support left", Laws.YouthRent, new(2022, 8, 1), "youth-rent-support"),
        Vars.Computed("youth_rent_support", ValueType.Int, Person, "청년월세 지원 (월)", "Youth monthly rent support (KRW per month, up to 12 months)",
            Laws.YouthRent, new(2022, 8, 1), "youth_rent_support.amount when eligible (eligibility includes months left)",
            c => Vars.WhenEligible(c, "youth_rent_support_eligible", () => (long)c.Parameter("youth_rent_support.amount").Value), "youth-rent-support"),

        Vars.Computed("employment_support_eligible", ValueType.Boolean, Person, "국민취업지원제도 I유형 대상", "Eligible for national employment support (Type I)",
            Laws.Employment, new(2021, 1, 1), "min_age ≤ age ≤ max_age, registered jobseeker, income ≤ median × median_rate",
            c => c.All(
                Conditions.AgeYears(c, "age", c.Parameter("employment_support.min_age"), c.Parameter("employment_support.max_age")),
                Conditions.Flag(c, "registered_jobseeker", "registered_jobseeker", "구직 등록이 되어 있습니다", "registered as a jobseeker",
                    "구직 등록이 되어 있지 않습니다", "not registered as a jobseeker", "구직 등록 여부를 알 수 없습니다", "whether registered as a jobseeker is unknown"),
                Conditions.IncomeWithinMedianShare(c.Household, "income", "employment_support.median_rate"),
                Conditions.MonthsLeft(c, "employment_support")), "employment-support"),
        MonthsRemaining("employment_support", "구직촉진수당 남은 개월 수", "Months of jobseeking allowance left", Laws.Employment, new(2021, 1, 1), "employment-support"),
        Vars.Computed("employment_support", ValueType.Int, Person, "구직촉진수당 (월)", "Jobseeking allowance (KRW per month, for 6 months)",
            Laws.Employment, new(2021, 1, 1), "employment_support.amount when eligible (eligibility includes months left)",
            c => Vars.WhenEligible(c, "employment_support_eligible", () => (long)c.Parameter("employment_support.amount").Value), "employment-support"),

        Vars.Computed("disability_pension_eligible", ValueType.Boolean, Person, "장애인연금 대상", "Eligible for the disability pension",
            Laws.DisabilityPension, new(2010, 7, 1), "age ≥ min_age, severe disability, household income ≤ income_limit",
            c => c.All(
                Conditions.AgeYears(c, "age", c.Parameter("disability_pension.min_age"), null),
                Conditions.Flag(c, "disability_severe", "disability_severe", "심한 장애가 있습니다", "has a severe disability",
                    "심한 장애로 등록되어 있지 않습니다", "no severe disability registered", "장애 정도를 알 수 없습니다", "the degree of disability is unknown"),
                Conditions.IncomeAtMost(c.Household, "income", c.Parameter("disability_pension.income_limit").Value, c.Parameter("disability_pension.income_limit"))),
            "disability-pension"),
    ];

    /// <summary>&lt;id&gt;_months_remaining = max(0, &lt;id&gt;.max_months − &lt;id&gt;_months_received).</summary>
    private static Variable MonthsRemaining(string id, string ko, string en, LegalReference law, DateOnly since, string slug) =>
        Vars.Computed($"{id}_months_remaining", ValueType.Int, Person, ko, en, law, since,
            $"max(0, {id}.max_months − {id}_months_received)",
            c => c.Get<long>($"{id}_months_received") is { } received ? Math.Max(0L, (long)c.Parameter($"{id}.max_months").Value - received) : null, slug);

    private static Check BasicPensionIncome(Calc household)
    {
        var mark = household.MissingMark;
        return household.Get<bool>("couple") switch
        {
            true => Limit("basic_pension.income_limit_couple"),
            false => Limit("basic_pension.income_limit_single"),
            null => Conditions.Unknown(household, "income", mark, "부부가구 여부를 알 수 없습니다", "whether this is a couple household is unknown"),
        };

        Check Limit(string id)
        {
            var limit = household.Parameter(id);
            return Conditions.IncomeAtMost(household, "income", limit.Value, limit);
        }
    }

    private static Check LivesAlone(Calc household)
    {
        var size = household.Get<long>("household_size") ?? 0;
        return size == 1
            ? new Check("household_size", true, "1인 가구입니다", "lives in a 1-person household", [])
            : new Check("household_size", false, $"{size}인 가구입니다 (1인 가구만 대상)", $"lives in a {size}-person household (only 1-person households qualify)", []);
    }
}
