using Nara.Registries.Contracts;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>Ids of the demo personas' rows: far above anything the generator hands out (it counts from 1).</summary>
internal static class PersonaIds
{
    public const long First = 900_000_000_001;
}

/// <summary>
/// The named demo personas of <see cref="DemoPersonas"/>, written by hand with exactly the circumstances their
/// keys promise, so that demos and tests of other modules can rely on them.
/// </summary>
/// <remarks>
/// Built before the generated population, drawing its plate, licence, passport and business numbers from the
/// same <paramref name="shared"/> uniqueness sets, so those can never collide with generated ones.
/// </remarks>
internal sealed class DemoPersonaSet(DivisionCatalog catalog, DateOnly today, Identifiers shared)
{
    private readonly Identifiers _ids = new(PersonaIds.First);
    private readonly SeedRandom _random = new(20_251_220);
    private readonly PopulationChunk _chunk = new();

    private PopulationChunk Build()
    {
        Household("1144000000", 4_800_000, rent: null, single: false,
            (DemoPersonas.FatherOfNewborn, HouseholdRelation.Head),
            (DemoPersonas.MotherOfNewborn, HouseholdRelation.Spouse),
            (DemoPersonas.Newborn, HouseholdRelation.Child));
        Household("4615000000", 800_000, rent: null, single: false, (DemoPersonas.ElderlyAlone, HouseholdRelation.Head));
        Household("1162000000", 1_100_000, rent: 450_000, single: false, (DemoPersonas.YoungJobseeker, HouseholdRelation.Head));
        Household("4111700000", 2_400_000, rent: 700_000, single: true,
            (DemoPersonas.SingleParent, HouseholdRelation.Head),
            (DemoPersonas.SingleParentChild1, HouseholdRelation.Child),
            (DemoPersonas.SingleParentChild2, HouseholdRelation.Child));
        Household("3017000000", 1_200_000, rent: null, single: false, (DemoPersonas.DisabledAdult, HouseholdRelation.Head));
        Household("2635000000", 3_600_000, rent: null, single: false, (DemoPersonas.BusinessOwner, HouseholdRelation.Head));
        Household("4127300000", 2_100_000, rent: 400_000, single: false, (DemoPersonas.ForeignResident, HouseholdRelation.Head));
        Household("1111000000", 3_900_000, rent: null, single: false, (DemoPersonas.DistrictOfficial, HouseholdRelation.Head));
        Household("3611000000", 4_300_000, rent: null, single: false, (DemoPersonas.MinistryOfficial, HouseholdRelation.Head));

        var id = Id(DemoPersonas.FatherOfNewborn);
        Relation(DemoPersonas.Newborn, FamilyRelationKind.Parent, DemoPersonas.MotherOfNewborn);
        Relation(DemoPersonas.Newborn, FamilyRelationKind.Parent, DemoPersonas.FatherOfNewborn);
        Relation(DemoPersonas.MotherOfNewborn, FamilyRelationKind.Spouse, DemoPersonas.FatherOfNewborn);
        Relation(DemoPersonas.FatherOfNewborn, FamilyRelationKind.Spouse, DemoPersonas.MotherOfNewborn);
        Relation(DemoPersonas.SingleParentChild1, FamilyRelationKind.Parent, DemoPersonas.SingleParent);
        Relation(DemoPersonas.SingleParentChild2, FamilyRelationKind.Parent, DemoPersonas.SingleParent);

        _chunk.Jobseekers.Add(new JobseekerRegistration { ResidentId = Id(DemoPersonas.YoungJobseeker), RegisteredOn = today.AddDays(-40) });
        _chunk.Disabilities.Add(new Disability { ResidentId = Id(DemoPersonas.DisabledAdult), Degree = DisabilityDegree.Severe, RegisteredOn = new DateOnly(2003, 6, 9) });
        _chunk.Daycare.Add(new DaycareEnrolment { ResidentId = Id(DemoPersonas.SingleParentChild2), FacilityName = "매탄 햇살어린이집", Since = new DateOnly(2022, 3, 2) });
        _chunk.Businesses.Add(new Business
        {
            Id = PersonaIds.First,
            RegistrationNumber = shared.NewBusinessNumber(_random),
            NameKo = "해운대 윤씨네 식당",
            OwnerResidentId = Id(DemoPersonas.BusinessOwner),
            AddressId = _chunk.Residents.First(r => r.Id == Id(DemoPersonas.BusinessOwner)).AddressId,
            Industry = "음식점업",
            OpenedOn = new DateOnly(2012, 4, 2),
        });
        Graduation(DemoPersonas.MotherOfNewborn, "서울여자대학교", "Seoul Women's University", SchoolLevel.University, new DateOnly(2016, 2, 19));
        Graduation(DemoPersonas.MotherOfNewborn, "용산고등학교", "Yongsan High School", SchoolLevel.High, new DateOnly(2012, 2, 10));
        Graduation(DemoPersonas.YoungJobseeker, "한국폴리텍대학 서울강서캠퍼스", "Korea Polytechnics Seoul Gangseo Campus", SchoolLevel.College, new DateOnly(2021, 2, 18));
        Graduation(DemoPersonas.YoungJobseeker, "양천고등학교", "Yangcheon High School", SchoolLevel.High, new DateOnly(2019, 2, 8));
        Graduation(DemoPersonas.BusinessOwner, "부산공업고등학교", "Busan Technical High School", SchoolLevel.High, new DateOnly(1994, 2, 15));
        _chunk.DriverLicences.Add(new DriverLicence { ResidentId = id, LicenceNumber = shared.NewLicence(_random, 11, 2010), Class = "2종 보통", IssuedOn = new DateOnly(2020, 5, 11), RenewalDueOn = new DateOnly(2030, 5, 11) });
        _chunk.Vehicles.Add(new Vehicle { Id = PersonaIds.First, PlateNumber = shared.NewPlate(_random, new DateOnly(2019, 8, 20)), OwnerResidentId = id, Model = "현대 아반떼", FirstRegisteredOn = new DateOnly(2019, 8, 20), LastInspectionOn = new DateOnly(2023, 8, 14) });
        _chunk.Passports.Add(new Passport { ResidentId = Id(DemoPersonas.MotherOfNewborn), PassportNumber = shared.NewPassport(_random, new DateOnly(2022, 7, 1)), IssuedOn = new DateOnly(2022, 7, 1), ExpiresOn = new DateOnly(2032, 6, 30) });
        return _chunk;
    }

    public PopulationChunk BuildAndReserve()
    {
        foreach (var persona in DemoPersonas.All)
        {
            shared.Reserve(persona.ResidentNumber);
        }

        return Build();
    }

    private static long Id(DemoPersona persona) => PersonaIds.First + DemoPersonaIndex(persona);

    private static int DemoPersonaIndex(DemoPersona persona) => DemoPersonas.All.ToList().IndexOf(persona);

    private void Relation(DemoPersona who, FamilyRelationKind kind, DemoPersona related) =>
        _chunk.FamilyRelations.Add(new FamilyRelation { ResidentId = Id(who), RelatedResidentId = Id(related), Kind = kind });

    private void Graduation(DemoPersona who, string ko, string en, SchoolLevel level, DateOnly on) =>
        _chunk.Graduations.Add(new SchoolGraduation { Id = PersonaIds.First + _chunk.Graduations.Count, ResidentId = Id(who), SchoolNameKo = ko, SchoolNameEn = en, Level = level, GraduatedOn = on });

    private void Household(string sigungu, long income, long? rent, bool single, params (DemoPersona Persona, HouseholdRelation Relation)[] members)
    {
        var leaf = catalog.Sigungu(sigungu);
        var neighbourhood = leaf.Neighbourhoods[0];
        var address = new RecordFactory(_random, today, _ids).NewAddress(_chunk, leaf, neighbourhood);
        var household = new Household { Id = _ids.NextHousehold(), AddressId = address.Id, HeadResidentId = Id(members[0].Persona), MemberCount = members.Length, SingleParent = single };
        _chunk.Households.Add(household);
        _chunk.Incomes.Add(new IncomeAssessment { HouseholdId = household.Id, MonthlyRecognisedIncome = income, AssessedOn = today.AddDays(-30) });
        if (rent is { } monthly)
        {
            _chunk.Tenancies.Add(new Tenancy { HouseholdId = household.Id, MonthlyRent = monthly, Deposit = 10_000_000, Since = today.AddDays(-400) });
        }

        foreach (var (persona, relation) in members)
        {
            var number = persona.ResidentNumber;
            var birth = ResidentNumbers.BirthDate(number)!.Value;
            var foreign = ResidentNumbers.IsForeigner(number);
            _chunk.Residents.Add(new Resident
            {
                Id = Id(persona),
                ResidentNumber = number,
                NameKo = persona.NameKo,
                NameEn = persona.NameEn,
                BirthDate = birth,
                Sex = ResidentNumbers.SexOf(number),
                Nationality = foreign ? "VNM" : "KOR",
                AddressId = address.Id,
                HouseholdId = household.Id,
                RelationToHead = relation,
                MovedInOn = birth > today.AddYears(-3) ? birth : today.AddYears(-3),
            });
            var adult = birth.AddYears(19) <= today;
            var status = foreign || relation == HouseholdRelation.Head && adult ? InsuranceStatus.EmployeeInsured : InsuranceStatus.Dependent;
            if (persona == DemoPersonas.ElderlyAlone || persona == DemoPersonas.BusinessOwner || persona == DemoPersonas.YoungJobseeker)
            {
                status = InsuranceStatus.RegionalInsured;
            }

            _chunk.HealthInsurance.Add(new HealthInsurance { ResidentId = Id(persona), Status = status, Since = birth > today.AddYears(-10) ? birth : today.AddYears(-10) });
        }
    }
}
