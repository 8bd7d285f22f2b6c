using Nara.Eligibility.Engine;
using static Nara.Eligibility.Engine.Entities;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Rules;

/// <summary>Per-child benefits, on the person: parental benefit, child allowance, first meeting voucher, home care allowance.</summary>
internal static class ChildBenefits
{
    public static IEnumerable<Variable> All() =>
    [
        Vars.Computed("parental_benefit_eligible", ValueType.Boolean, Person, "부모급여 대상", "Eligible for the parental benefit",
            Laws.ParentalBenefit, new(2023, 1, 1), "0 ≤ age_months ≤ parental_benefit.max_age_months",
            c => c.All(Conditions.AgeMonths(c, "age_months", 0, c.Parameter("parental_benefit.max_age_months"))), "parental-benefit"),
        Vars.Computed("parental_benefit", ValueType.Int, Person, "부모급여 (월)", "Parental benefit (KRW per month)",
            Laws.ParentalBenefit, new(2023, 1, 1), "amount_first_year up to first_year_max_age_months, then amount_second_year",
            c => Vars.WhenEligible(c, "parental_benefit_eligible", () => (long)(c.Get<long>("age_months") <= c.Parameter("parental_benefit.first_year_max_age_months").Value
                ? c.Parameter("parental_benefit.amount_first_year").Value
                : c.Parameter("parental_benefit.amount_second_year").Value)), "parental-benefit"),

        Vars.Computed("child_allowance_eligible", ValueType.Boolean, Person, "아동수당 대상", "Eligible for the child allowance",
            Laws.ChildAllowanceAct, new(2018, 9, 1), "0 ≤ age_months ≤ child_allowance.max_age_months",
            c => c.All(Conditions.AgeMonths(c, "age_months", 0, c.Parameter("child_allowance.max_age_months"))), "child-allowance"),
        Vars.Computed("child_allowance", ValueType.Int, Person, "아동수당 (월)", "Child allowance (KRW per month)",
            Laws.ChildAllowanceAct, new(2018, 9, 1), "child_allowance.amount when eligible",
            c => Vars.WhenEligible(c, "child_allowance_eligible", () => (long)c.Parameter("child_allowance.amount").Value), "child-allowance"),

        Vars.Computed("first_meeting_voucher_eligible", ValueType.Boolean, Person, "첫만남이용권 대상", "Eligible for the first meeting voucher",
            Laws.FirstMeeting, new(2022, 1, 1), "born in the month evaluated", c => c.All(BornThisMonth(c)), "first-meeting-voucher"),
        Vars.Computed("first_meeting_voucher", ValueType.Int, Person, "첫만남이용권", "First meeting voucher (KRW, in the month of birth)",
            Laws.FirstMeeting, new(2022, 1, 1), "amount_first_child when birth_order = 1, else amount_later_child",
            c => Vars.WhenEligible(c, "first_meeting_voucher_eligible", () => c.Get<long>("birth_order") switch
            {
                null => null,
                <= 1 => (long)c.Parameter("first_meeting_voucher.amount_first_child").Value,
                _ => (long)c.Parameter("first_meeting_voucher.amount_later_child").Value,
            }), "first-meeting-voucher"),

        Vars.Computed("home_care_allowance_eligible", ValueType.Boolean, Person, "가정양육수당 대상", "Eligible for the home care allowance",
            Laws.ChildCareAct, new(2009, 7, 1), "min_age_months ≤ age_months ≤ max_age_months and not in daycare",
            c => c.All(
                Conditions.AgeMonths(c, "age_months", c.Parameter("home_care_allowance.min_age_months").Value, c.Parameter("home_care_allowance.max_age_months")),
                NotInDaycare(c)), "home-care-allowance"),
        Vars.Computed("home_care_allowance", ValueType.Int, Person, "가정양육수당 (월)", "Home care allowance (KRW per month)",
            Laws.ChildCareAct, new(2009, 7, 1), "home_care_allowance.amount when eligible",
            c => Vars.WhenEligible(c, "home_care_allowance_eligible", () => (long)c.Parameter("home_care_allowance.amount").Value), "home-care-allowance"),
    ];

    private static Check BornThisMonth(Calc c)
    {
        var mark = c.MissingMark;
        if (c.Get<DateOnly>("birth") is not { } birth)
        {
            return Conditions.Unknown(c, "born_this_month", mark, "생년월일을 알 수 없습니다", "the date of birth is unknown");
        }

        return birth >= c.Period.Start && birth <= c.Period.End
            ? new Check("born_this_month", true, $"{c.Period}에 태어났습니다 ({birth:yyyy-MM-dd})", $"born in {c.Period} ({birth:yyyy-MM-dd})", [])
            : new Check("born_this_month", false, $"{c.Period}에 태어나지 않았습니다 ({birth:yyyy-MM-dd} 출생)", $"not born in {c.Period} (born {birth:yyyy-MM-dd})", []);
    }

    private static Check NotInDaycare(Calc c)
    {
        var mark = c.MissingMark;
        return c.Get<bool>("in_daycare") switch
        {
            false => new Check("not_in_daycare", true, "어린이집을 이용하지 않습니다", "not enrolled in daycare", []),
            true => new Check("not_in_daycare", false, "어린이집을 이용하고 있습니다", "enrolled in daycare", []),
            null => Conditions.Unknown(c, "not_in_daycare", mark, "어린이집 이용 여부를 알 수 없습니다", "whether the child is in daycare is unknown"),
        };
    }
}
