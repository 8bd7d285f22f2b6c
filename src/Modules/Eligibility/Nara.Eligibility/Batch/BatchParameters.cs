using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Batch;

/// <summary>
/// Every number the 12 rules use, read once from the rule set for the month (so a reform overlay is
/// evaluated by the same loops), with the percentage limits precomputed per household size as the
/// per-household engine computes them: floor(median × rate).
/// </summary>
internal sealed class BatchParameters
{
    public BatchParameters(RuleSet rules, Period month)
    {
        decimal P(string id) => rules.Parameter(id, month.Start).Value;
        for (var size = 1; size <= 6; size++)
        {
            var median = P($"standard_median_income.household_size_{size}");
            Median[size] = (long)median;
            Livelihood[size] = (long)Math.Floor(median * P("livelihood_benefit.median_rate"));
            Housing[size] = (long)Math.Floor(median * P("housing_benefit.median_rate"));
            YouthRent[size] = (long)Math.Floor(median * P("youth_rent_support.median_rate"));
            Employment[size] = (long)Math.Floor(median * P("employment_support.median_rate"));
            SingleParent[size] = (long)Math.Floor(median * P("single_parent_support.median_rate"));
        }

        ParentalMaxMonths = (int)P("parental_benefit.max_age_months");
        ParentalFirstYearMaxMonths = (int)P("parental_benefit.first_year_max_age_months");
        ParentalFirstYear = (long)P("parental_benefit.amount_first_year");
        ParentalSecondYear = (long)P("parental_benefit.amount_second_year");
        ChildAllowanceMaxMonths = (int)P("child_allowance.max_age_months");
        ChildAllowance = (long)P("child_allowance.amount");
        VoucherFirst = (long)P("first_meeting_voucher.amount_first_child");
        VoucherLater = (long)P("first_meeting_voucher.amount_later_child");
        HomeCareMinMonths = (int)P("home_care_allowance.min_age_months");
        HomeCareMaxMonths = (int)P("home_care_allowance.max_age_months");
        HomeCare = (long)P("home_care_allowance.amount");
        PensionAge = (int)P("basic_pension.min_age");
        PensionSingle = (long)P("basic_pension.income_limit_single");
        PensionCouple = (long)P("basic_pension.income_limit_couple");
        Pension = (long)P("basic_pension.amount");
        YouthMinAge = (int)P("youth_rent_support.min_age");
        YouthMaxAge = (int)P("youth_rent_support.max_age");
        YouthRentAmount = (long)P("youth_rent_support.amount");
        YouthMaxMonths = (long)P("youth_rent_support.max_months");
        EmploymentMinAge = (int)P("employment_support.min_age");
        EmploymentMaxAge = (int)P("employment_support.max_age");
        EmploymentAmount = (long)P("employment_support.amount");
        EmploymentMaxMonths = (long)P("employment_support.max_months");
        SingleParentChildAge = (int)P("single_parent_support.max_child_age");
        SingleParentPerChild = (long)P("single_parent_support.amount_per_child");
        DisabilityMinAge = (int)P("disability_pension.min_age");
        DisabilityIncome = (long)P("disability_pension.income_limit");
        ElderlyAge = (int)P("energy_voucher.elderly_age");
        YoungChildAge = (int)P("energy_voucher.young_child_age");

        // A programme not yet in force on the month answers "not eligible" (the variable's default).
        Active = [.. BatchBenefits.All.Select(b => rules.Variable(b.EligibleVariable).FormulaAt(month.Start) is not null)];
    }

    public long[] Median { get; } = new long[7];

    public long[] Livelihood { get; } = new long[7];

    public long[] Housing { get; } = new long[7];

    public long[] YouthRent { get; } = new long[7];

    public long[] Employment { get; } = new long[7];

    public long[] SingleParent { get; } = new long[7];

    public bool[] Active { get; }

    public int ParentalMaxMonths { get; }

    public int ParentalFirstYearMaxMonths { get; }

    public long ParentalFirstYear { get; }

    public long ParentalSecondYear { get; }

    public int ChildAllowanceMaxMonths { get; }

    public long ChildAllowance { get; }

    public long VoucherFirst { get; }

    public long VoucherLater { get; }

    public int HomeCareMinMonths { get; }

    public int HomeCareMaxMonths { get; }

    public long HomeCare { get; }

    public int PensionAge { get; }

    public long PensionSingle { get; }

    public long PensionCouple { get; }

    public long Pension { get; }

    public int YouthMinAge { get; }

    public int YouthMaxAge { get; }

    public long YouthRentAmount { get; }

    public long YouthMaxMonths { get; }

    public int EmploymentMinAge { get; }

    public int EmploymentMaxAge { get; }

    public long EmploymentAmount { get; }

    public long EmploymentMaxMonths { get; }

    public int SingleParentChildAge { get; }

    public long SingleParentPerChild { get; }

    public int DisabilityMinAge { get; }

    public long DisabilityIncome { get; }

    public int ElderlyAge { get; }

    public int YoungChildAge { get; }
}
