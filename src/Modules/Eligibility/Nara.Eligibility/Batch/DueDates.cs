using Nara.Registries.Contracts;

namespace Nara.Eligibility.Batch;

/// <summary>A dated duty coming up for a person (facts-korea.md, "Due-date events").</summary>
internal sealed record DueEvent(int Person, string Id, DateOnly Due, string? ServiceSlug, string NameKo, string NameEn);

/// <summary>
/// The due-date events Nara raises, falling within the window from today: vehicle periodic inspection
/// (first 4 years after registration, then every 2), driver licence renewal and passport expiry (dates
/// from the registries, which apply the 10/5/3-year and 10-year terms), the national health check-up
/// (every 2 years from age 20, by birth-year parity; one notice per year, due by 31 December) and
/// resident registration at 17 (the 17th birthday).
/// </summary>
internal static class DueDates
{
    public const int WindowDays = 30;

    public static IEnumerable<DueEvent> Within(PopulationColumns population, DateOnly today)
    {
        var last = today.AddDays(WindowDays);
        bool Soon(DateOnly day) => day >= today && day <= last;
        foreach (var (owner, _, first, inspected) in population.Vehicles)
        {
            var due = inspected == 0 ? DateOnly.FromDayNumber(first).AddYears(4) : DateOnly.FromDayNumber(inspected).AddYears(2);
            if (Soon(due))
            {
                yield return new DueEvent(owner, "vehicle_inspection", due, "vehicle-inspection", "자동차 정기검사", "vehicle periodic inspection");
            }
        }

        for (var p = 0; p < population.Persons; p++)
        {
            if (population.LicenceRenewalDue[p] != 0 && Soon(DateOnly.FromDayNumber(population.LicenceRenewalDue[p])))
            {
                yield return new DueEvent(p, "driver_licence_renewal", DateOnly.FromDayNumber(population.LicenceRenewalDue[p]), "driver-licence-renewal", "운전면허 갱신", "driver licence renewal");
            }

            if (population.PassportExpires[p] != 0 && Soon(DateOnly.FromDayNumber(population.PassportExpires[p])))
            {
                yield return new DueEvent(p, "passport_expiry", DateOnly.FromDayNumber(population.PassportExpires[p]), "passport-issuance", "여권 만료", "passport expiry");
            }

            var birth = DateOnly.FromDayNumber(population.Birth[p]);
            var checkupYear = today.Year - birth.Year >= 20 && (today.Year - birth.Year) % 2 == 0;
            if (checkupYear)
            {
                yield return new DueEvent(p, "health_checkup", new DateOnly(today.Year, 12, 31), "health-checkup", "국가건강검진", "national health check-up");
            }

            if (Soon(birth.AddYears(17)))
            {
                yield return new DueEvent(p, "resident_registration_17", birth.AddYears(17), null, "주민등록증 발급 (만 17세)", "resident registration card at 17");
            }
        }
    }
}
