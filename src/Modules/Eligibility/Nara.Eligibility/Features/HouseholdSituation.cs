using Nara.Eligibility.Engine;
using Nara.Registries.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>
/// Turns registry facts into a situation. A fact the registries do not hold stays unset, so the
/// rules answer "unknown" rather than guess: pregnancy (asked of women only) and the education
/// benefit. Members under 18 on the first day of the month are the household's children.
/// </summary>
internal static class HouseholdSituation
{
    /// <param name="paid">Months already paid of the benefits with a maximum (none when null).</param>
    public static Situation From(HouseholdFacts facts, Period month, MonthsPaid? paid = null)
    {
        var situation = new Situation();
        var household = situation.AddHousehold($"household-{facts.HouseholdId}");
        if (facts.RecognisedIncome is { } income)
        {
            household.Set("recognised_income", month, income);
        }

        household.Set("single_parent", month, facts.SingleParent);
        household.Set("receives_medical_benefit", month, facts.ReceivesMedicalBenefit);
        foreach (var member in facts.Members)
        {
            var person = situation.AddPerson(member.ResidentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            person.Set("birth", Period.Eternity, member.BirthDate);
            if (member.BirthOrder is { } order)
            {
                person.Set("birth_order", Period.Eternity, (long)order);
            }

            person.Set("married", month, member.Married);
            person.Set("disability_severe", month, member.DisabilitySevere);
            person.Set("registered_jobseeker", month, member.RegisteredJobseeker);
            person.Set("pays_rent", month, facts.PaysRent);
            person.Set("in_daycare", month, member.InDaycare);
            if (!member.Female)
            {
                person.Set("pregnant", month, false);
            }

            foreach (var benefit in paid?.BenefitIds ?? [])
            {
                person.Set(benefit + MonthsPaid.Suffix, month, (long)paid!.For(member.ResidentId, benefit));
            }

            var child = member.BirthDate > month.Start.AddYears(-18);
            situation.Join(0, situation.Persons.Count - 1, child ? Entities.Child : Entities.Adult);
        }

        return situation;
    }
}
