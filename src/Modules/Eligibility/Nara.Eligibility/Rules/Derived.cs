using Nara.Eligibility.Engine;
using static Nara.Eligibility.Engine.Entities;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Rules;

/// <summary>
/// Derived variables. Ages are completed on the first day of the month evaluated; a child born
/// during that month is 0; a person born after it is not yet born, which ages mark as -1.
/// </summary>
internal static class Derived
{
    private static readonly DateOnly Always = new(1, 1, 1);

    public static IEnumerable<Variable> All() =>
    [
        Vars.Computed("age", ValueType.Int, Person, "나이 (만)", "Age in completed years", Laws.ResidentRegistration, Always,
            "completed years on the first day of the month; -1 if born after the month", c => Age(c, months: false)),
        Vars.Computed("age_months", ValueType.Int, Person, "월령 (만)", "Age in completed months", Laws.ResidentRegistration, Always,
            "completed months on the first day of the month; 0 if born during the month; -1 if born after it", c => Age(c, months: true)),
        Vars.Computed("household_size", ValueType.Int, Household, "가구원 수", "Household size", Laws.MedianIncome, Always,
            "adults + children", c => (long)c.MemberCount()),
        Vars.Computed("median_income", ValueType.Int, Household, "기준 중위소득", "Standard median income", Laws.MedianIncome, Always,
            "standard_median_income.household_size_N, N = household size (6 for larger households)", MedianIncome),
        Vars.Computed("couple", ValueType.Boolean, Household, "부부 가구", "Couple household", Laws.BasicPension, Always,
            "exactly two adults, both married", Couple),
    ];

    private static long? Age(Calc calc, bool months)
    {
        if (calc.Get<DateOnly>("birth") is not { } birth)
        {
            return null;
        }

        var first = calc.Period.Start;
        if (birth > calc.Period.End)
        {
            return -1;
        }

        if (birth >= first)
        {
            return 0;
        }

        if (months)
        {
            return (long)((first.Year - birth.Year) * 12 + first.Month - birth.Month - (first.Day < birth.Day ? 1 : 0));
        }

        var beforeBirthday = (first.Month, first.Day).CompareTo((birth.Month, birth.Day)) < 0;
        return (long)(first.Year - birth.Year - (beforeBirthday ? 1 : 0));
    }

    private static object? MedianIncome(Calc household)
    {
        var size = Math.Clamp(household.Get<long>("household_size") ?? 1, 1, 6);
        return (long)household.Parameter($"standard_median_income.household_size_{size}").Value;
    }

    private static object? Couple(Calc household)
    {
        var adults = household.Members(Adult).ToList();
        return adults.Count != 2 ? false : Conditions.Any(adults.Select(a => !a.Get<bool>("married"))) is { } anyUnmarried ? !anyUnmarried : null;
    }
}
