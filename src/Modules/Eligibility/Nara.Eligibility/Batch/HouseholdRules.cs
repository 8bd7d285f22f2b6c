namespace Nara.Eligibility.Batch;

/// <summary>
/// One household and its members through the 12 rules. Each line cites the rule file it mirrors; the
/// comparison test with the per-household engine keeps them equal.
/// </summary>
internal static class HouseholdRules
{
    public static void Evaluate(BatchInput input, BatchParameters p, in MonthCalendar calendar, int h, BatchResult result)
    {
        var population = input.Population;
        int first = population.FirstMember[h], end = population.FirstMember[h + 1];
        var size = Math.Clamp(end - first, 1, 6);
        var income = population.RecognisedIncome[h];

        // Derived.cs: couple = exactly two adults, both married. HouseholdBenefits.cs: children under 18, vulnerable member.
        int adults = 0, marriedAdults = 0, youngChildren = 0;
        var vulnerable = Tri.No;
        for (var i = first; i < end; i++)
        {
            var (age, months) = calendar.Age(population.Birth[i]);
            result.Age[i] = age;
            result.AgeMonths[i] = months;
            var child = population.Birth[i] > calendar.ChildCutoff;
            if (!child)
            {
                adults++;
                marriedAdults += population.Married[i] ? 1 : 0;
            }
            else if (age >= 0 && age < p.SingleParentChildAge)
            {
                youngChildren++;
            }

            var member = Tri.Or(Tri.Of(age >= p.ElderlyAge || (age >= 0 && age < p.YoungChildAge)), Tri.Or(Tri.Of(population.DisabilitySevere[i]), input.Pregnant[i]));
            vulnerable = Tri.Or(vulnerable, member);
        }

        var couple = adults == 2 && marriedAdults == 2;

        // HouseholdBenefits.cs
        var livelihood = Income(income, p.Livelihood[size]);
        Set(result, p, 8, h, livelihood, livelihood == Tri.Yes ? p.Livelihood[size] - income : 0);
        var housing = Income(income, p.Housing[size]);
        Set(result, p, 9, h, housing, 0);
        var singleParent = Tri.And(Tri.Of(population.SingleParent[h]), Tri.And(Tri.Of(youngChildren > 0), Income(income, p.SingleParent[size])));
        Set(result, p, 10, h, singleParent, youngChildren * p.SingleParentPerChild);
        var receives = Tri.Or(Tri.Or(p.Active[8] ? livelihood : Tri.No, p.Active[9] ? housing : Tri.No), Tri.Or(Tri.Of(population.ReceivesMedicalBenefit[h]), input.ReceivesEducationBenefit[h]));
        Set(result, p, 11, h, Tri.And(receives, vulnerable), 0);

        var pensionIncome = Income(income, couple ? p.PensionCouple : p.PensionSingle);
        var youthIncome = Income(income, p.YouthRent[size]);
        var employmentIncome = Income(income, p.Employment[size]);
        var disabilityIncome = Income(income, p.DisabilityIncome);
        var alone = Tri.Of(end - first == 1);
        var rent = Tri.Of(population.PaysRent[h]);
        for (var i = first; i < end; i++)
        {
            var age = result.Age[i];
            var months = result.AgeMonths[i];

            // ChildBenefits.cs
            var parental = Tri.Of(months >= 0 && months <= p.ParentalMaxMonths);
            Set(result, p, 0, i, parental, months <= p.ParentalFirstYearMaxMonths ? p.ParentalFirstYear : p.ParentalSecondYear);
            Set(result, p, 1, i, Tri.Of(months >= 0 && months <= p.ChildAllowanceMaxMonths), p.ChildAllowance);
            var order = population.BirthOrder[i];
            Set(result, p, 2, i, Tri.Of(population.Birth[i] >= calendar.StartDay && population.Birth[i] <= calendar.EndDay), order == 0 ? -1 : order <= 1 ? p.VoucherFirst : p.VoucherLater);
            Set(result, p, 3, i, Tri.And(Tri.Of(months >= p.HomeCareMinMonths && months <= p.HomeCareMaxMonths), Tri.Of(!population.InDaycare[i])), p.HomeCare);

            // PersonBenefits.cs
            Set(result, p, 4, i, Tri.And(Tri.Of(age >= p.PensionAge), pensionIncome), p.Pension);
            // Conditions.MonthsLeft: some of the maximum months are left.
            var youthLeft = Tri.Of((input.YouthRentMonthsReceived?[i] ?? 0) < p.YouthMaxMonths);
            var youth = Tri.And(Tri.And(Tri.And(Tri.Of(age >= p.YouthMinAge && age <= p.YouthMaxAge), alone), Tri.And(youthIncome, rent)), youthLeft);
            Set(result, p, 5, i, youth, p.YouthRentAmount);
            var employmentLeft = Tri.Of((input.EmploymentMonthsReceived?[i] ?? 0) < p.EmploymentMaxMonths);
            var employment = Tri.And(Tri.And(Tri.And(Tri.Of(age >= p.EmploymentMinAge && age <= p.EmploymentMaxAge), Tri.Of(population.RegisteredJobseeker[i])), employmentIncome), employmentLeft);
            Set(result, p, 6, i, employment, p.EmploymentAmount);
            Set(result, p, 7, i, Tri.And(Tri.And(Tri.Of(age >= p.DisabilityMinAge), Tri.Of(population.DisabilitySevere[i])), disabilityIncome), 0);
        }
    }

    /// <summary>Conditions.IncomeAtMost: inclusive; unknown when the household was never assessed.</summary>
    private static byte Income(long income, long limit) => income < 0 ? Tri.Unknown : Tri.Of(income <= limit);

    private static void Set(BatchResult result, BatchParameters p, int benefit, int index, byte eligible, long amountWhenEligible)
    {
        if (!p.Active[benefit])
        {
            eligible = Tri.No;
        }

        result.Eligible[benefit][index] = eligible;
        result.Amount[benefit][index] = eligible switch { Tri.Yes => amountWhenEligible, Tri.No => 0, _ => -1 };
    }
}
