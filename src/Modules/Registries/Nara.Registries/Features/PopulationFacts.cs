using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

/// <summary>
/// <see cref="IBenefitFacts"/> for everyone at once. The whole population (a full proactive run) is read by
/// <see cref="PopulationScanner"/> (plain SELECTs streamed into arrays); some households (an incremental run) here,
/// through EF: one query per table (projected to the few columns needed, untracked), joined in memory by id. Same definitions as <see cref="BenefitFacts"/>, which the
/// Eligibility tests check by comparing the two engines on the seeded population.
/// </summary>
internal sealed class PopulationFacts(RegistriesDbContext db) : IPopulationFacts
{
    public async Task<IReadOnlyList<long>> HouseholdsOfAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken) =>
        await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).Select(r => r.HouseholdId).Distinct().ToListAsync(cancellationToken);

    public async Task<PopulationColumns> ReadAsync(DateOnly asOf, IReadOnlyCollection<long>? householdIds, CancellationToken cancellationToken)
    {
        if (householdIds is null)
        {
            return await new PopulationScanner(db).ReadAsync(asOf, cancellationToken);
        }

        var ids = householdIds?.ToList();
        var households = await (
            from h in db.Households.AsNoTracking()
            join a in db.Addresses.AsNoTracking() on h.AddressId equals a.Id
            where ids == null || ids.Contains(h.Id)
            orderby h.Id
            select new { h.Id, h.SingleParent, Region = a.DivisionCode.Substring(0, 2) }).ToListAsync(cancellationToken);
        var residents = await db.Residents.AsNoTracking().Where(r => ids == null || ids.Contains(r.HouseholdId))
            .OrderBy(r => r.HouseholdId).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.HouseholdId, r.BirthDate, r.Sex, r.RelationToHead }).ToListAsync(cancellationToken);
        var residentIds = ids == null ? null : residents.Select(r => r.Id).ToList();

        var person = new Dictionary<long, int>(residents.Count);
        for (var i = 0; i < residents.Count; i++)
        {
            person[residents[i].Id] = i;
        }

        var household = new Dictionary<long, int>(households.Count);
        for (var i = 0; i < households.Count; i++)
        {
            household[households[i].Id] = i;
        }

        var first = new int[households.Count + 1];
        for (int h = 0, p = 0; h < households.Count; h++)
        {
            first[h] = p;
            while (p < residents.Count && residents[p].HouseholdId == households[h].Id)
            {
                p++;
            }

            first[h + 1] = p;
        }

        // Latest assessment on or before the day, as BenefitFacts takes it.
        var income = Enumerable.Repeat(-1L, households.Count).ToArray();
        var incomeOn = new DateOnly[households.Count];
        foreach (var i in await db.Incomes.AsNoTracking().Where(i => i.AssessedOn <= asOf && (ids == null || ids.Contains(i.HouseholdId)))
            .Select(i => new { i.HouseholdId, i.AssessedOn, i.MonthlyRecognisedIncome }).ToListAsync(cancellationToken))
        {
            if (household.TryGetValue(i.HouseholdId, out var h) && (income[h] < 0 || i.AssessedOn > incomeOn[h]))
            {
                (income[h], incomeOn[h]) = (i.MonthlyRecognisedIncome, i.AssessedOn);
            }
        }

        var medical = new bool[households.Count];
        foreach (var r in await db.HealthInsurance.AsNoTracking()
            .Where(x => (x.Status == InsuranceStatus.MedicalAidType1 || x.Status == InsuranceStatus.MedicalAidType2) && (residentIds == null || residentIds.Contains(x.ResidentId)))
            .Select(x => x.ResidentId).ToListAsync(cancellationToken))
        {
            if (person.TryGetValue(r, out var p))
            {
                medical[household[residents[p].HouseholdId]] = true;
            }
        }

        var rent = new bool[households.Count];
        foreach (var h in await db.Tenancies.AsNoTracking().Where(t => t.MonthlyRent > 0 && t.Since <= asOf && (ids == null || ids.Contains(t.HouseholdId)))
            .Select(t => t.HouseholdId).ToListAsync(cancellationToken))
        {
            if (household.TryGetValue(h, out var index))
            {
                rent[index] = true;
            }
        }

        var severe = Flags(await db.Disabilities.AsNoTracking().Where(d => d.Degree == DisabilityDegree.Severe && d.RegisteredOn <= asOf && (residentIds == null || residentIds.Contains(d.ResidentId)))
            .Select(d => d.ResidentId).ToListAsync(cancellationToken), person);
        var jobseeker = Flags(await db.Jobseekers.AsNoTracking().Where(j => j.RegisteredOn <= asOf && (residentIds == null || residentIds.Contains(j.ResidentId)))
            .Select(j => j.ResidentId).ToListAsync(cancellationToken), person);
        var daycare = Flags(await db.DaycareEnrolments.AsNoTracking().Where(d => d.Since <= asOf && (residentIds == null || residentIds.Contains(d.ResidentId)))
            .Select(d => d.ResidentId).ToListAsync(cancellationToken), person);
        var married = Flags(await db.FamilyRelations.AsNoTracking().Where(f => f.Kind == FamilyRelationKind.Spouse && (residentIds == null || residentIds.Contains(f.ResidentId)))
            .Select(f => f.ResidentId).ToListAsync(cancellationToken), person);
        var birthOrder = await BirthOrdersAsync(residentIds, person, cancellationToken);
        var (licence, passport, vehicles) = await DueDatesAsync(residentIds, person, cancellationToken);

        return new PopulationColumns
        {
            HouseholdId = [.. households.Select(h => h.Id)],
            FirstMember = first,
            SingleParent = [.. households.Select(h => h.SingleParent)],
            RecognisedIncome = income,
            ReceivesMedicalBenefit = medical,
            PaysRent = rent,
            Region = [.. households.Select(h => h.Region)],
            ResidentId = [.. residents.Select(r => r.Id)],
            Birth = [.. residents.Select(r => r.BirthDate.DayNumber)],
            Female = [.. residents.Select(r => r.Sex == Sex.Female)],
            Married = married,
            DisabilitySevere = severe,
            RegisteredJobseeker = jobseeker,
            InDaycare = daycare,
            BirthOrder = birthOrder,
            Head = [.. residents.Select(r => r.RelationToHead == HouseholdRelation.Head)],
            LicenceRenewalDue = licence,
            PassportExpires = passport,
            Vehicles = vehicles,
        };
    }

    private static bool[] Flags(List<long> residentIds, Dictionary<long, int> person)
    {
        var flags = new bool[person.Count];
        foreach (var id in residentIds)
        {
            if (person.TryGetValue(id, out var p))
            {
                flags[p] = true;
            }
        }

        return flags;
    }

    /// <summary>A child's rank among its (female) parent's children by birth date then id, as BenefitFacts ranks them.</summary>
    private async Task<int[]> BirthOrdersAsync(List<long>? residentIds, Dictionary<long, int> person, CancellationToken cancellationToken)
    {
        var mothers = await (
            from f in db.FamilyRelations.AsNoTracking()
            join m in db.Residents.AsNoTracking() on f.RelatedResidentId equals m.Id
            where f.Kind == FamilyRelationKind.Parent && m.Sex == Sex.Female && (residentIds == null || residentIds.Contains(f.ResidentId))
            select f.RelatedResidentId).Distinct().ToListAsync(cancellationToken);
        var children = await (
            from f in db.FamilyRelations.AsNoTracking()
            join c in db.Residents.AsNoTracking() on f.ResidentId equals c.Id
            join m in db.Residents.AsNoTracking() on f.RelatedResidentId equals m.Id
            where f.Kind == FamilyRelationKind.Parent && m.Sex == Sex.Female && (residentIds == null || mothers.Contains(f.RelatedResidentId))
            select new { Mother = f.RelatedResidentId, Child = c.Id, c.BirthDate }).ToListAsync(cancellationToken);
        var orders = new int[person.Count];
        foreach (var family in children.GroupBy(c => c.Mother))
        {
            var rank = 0;
            foreach (var child in family.OrderBy(c => c.BirthDate).ThenBy(c => c.Child))
            {
                rank++;
                if (person.TryGetValue(child.Child, out var p))
                {
                    orders[p] = rank;
                }
            }
        }

        return orders;
    }

    private async Task<(int[] Licence, int[] Passport, List<(int, long, int, int)> Vehicles)> DueDatesAsync(
        List<long>? residentIds, Dictionary<long, int> person, CancellationToken cancellationToken)
    {
        var licence = new int[person.Count];
        foreach (var l in await db.DriverLicences.AsNoTracking().Where(l => residentIds == null || residentIds.Contains(l.ResidentId))
            .Select(l => new { l.ResidentId, l.RenewalDueOn }).ToListAsync(cancellationToken))
        {
            if (person.TryGetValue(l.ResidentId, out var p) && (licence[p] == 0 || l.RenewalDueOn.DayNumber < licence[p]))
            {
                licence[p] = l.RenewalDueOn.DayNumber;
            }
        }

        var passport = new int[person.Count];
        foreach (var x in await db.Passports.AsNoTracking().Where(x => residentIds == null || residentIds.Contains(x.ResidentId))
            .Select(x => new { x.ResidentId, x.ExpiresOn }).ToListAsync(cancellationToken))
        {
            if (person.TryGetValue(x.ResidentId, out var p) && x.ExpiresOn.DayNumber > passport[p])
            {
                passport[p] = x.ExpiresOn.DayNumber;
            }
        }

        var vehicles = new List<(int, long, int, int)>();
        foreach (var v in await db.Vehicles.AsNoTracking().Where(v => residentIds == null || residentIds.Contains(v.OwnerResidentId))
            .Select(v => new { v.Id, v.OwnerResidentId, v.FirstRegisteredOn, v.LastInspectionOn }).ToListAsync(cancellationToken))
        {
            if (person.TryGetValue(v.OwnerResidentId, out var p))
            {
                vehicles.Add((p, v.Id, v.FirstRegisteredOn.DayNumber, v.LastInspectionOn?.DayNumber ?? 0));
            }
        }

        return (licence, passport, vehicles);
    }
}
