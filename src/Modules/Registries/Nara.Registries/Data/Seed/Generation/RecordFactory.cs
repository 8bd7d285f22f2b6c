using System.Collections.Concurrent;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>The records other registries hold about a household and its members: income, insurance, cars, licences, …</summary>
internal sealed partial class RecordFactory(SeedRandom random, DateOnly today, Identifiers ids)
{
    /// <summary>Standard median income (기준 중위소득) 2025 by household size, KRW a month; 6+ use the 6-person value.</summary>
    public static readonly long[] MedianIncome = [0, 2_392_013, 3_932_658, 5_025_353, 6_097_773, 7_108_192, 8_064_805];

    private static readonly string[] RoadKinds = ["로", "길", "대로"];

    // Road-name stems and their romanization by neighbourhood name, worked out once rather than for every address.
    private static readonly ConcurrentDictionary<string, (string Ko, string En)> Stems = new(StringComparer.Ordinal);

    public Address NewAddress(PopulationChunk chunk, DivisionCatalog.Leaf leaf, AdminDivision neighbourhood)
    {
        var (stem, stemEn) = Stems.GetOrAdd(neighbourhood.NameKo, static name =>
        {
            var stem = name.TrimEnd('동', '읍', '면', '1', '2', '3');
            return (stem, Romanization.Place(stem));
        });
        var kind = random.Next(RoadKinds.Length);
        var lane = kind == 1 ? random.Next(1, 40) : 0;
        var number = random.Next(1, 300);
        var roadKo = lane > 0 ? $"{stem}로{lane}길" : stem + RoadKinds[kind];
        var roadEn = stemEn + (lane > 0 ? $"-ro {lane}-gil" : kind == 2 ? "-daero" : "-ro");
        var address = new Address
        {
            Id = ids.NextAddress(),
            DivisionCode = neighbourhood.Code,
            RoadAddressKo = $"{leaf.FullNameKo} {roadKo} {number}",
            RoadAddressEn = $"{number} {roadEn}, {leaf.FullNameEn}",
            PostalCode = (leaf.PostalBase + random.Next(40)).ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
            Latitude = Math.Round(neighbourhood.Latitude + ((random.NextDouble() - 0.5) * 0.012), 6),
            Longitude = Math.Round(neighbourhood.Longitude + ((random.NextDouble() - 0.5) * 0.014), 6),
        };
        chunk.Addresses.Add(address);
        return address;
    }

    public void AddHouseholdRecords(PopulationChunk chunk, Household household, Address address, DivisionCatalog.Leaf leaf, List<MemberSpec> members, HouseholdComposer composer)
    {
        var size = members.Count;
        var headAge = composer.AgeOf(members[0].Birth);
        var allElderly = members.TrueForAll(m => composer.AgeOf(m.Birth) >= 65);
        // Log-normal spread around the median for the household size; older and single-parent households earn less.
        var (mu, sigma) = allElderly ? (Math.Log(0.42), 0.75) : household.SingleParent ? (Math.Log(0.6), 0.5) : size == 1 && headAge < 35 ? (Math.Log(0.75), 0.55) : (Math.Log(0.9), 0.6);
        var median = MedianIncome[Math.Min(size, 6)];
        var income = (long)Math.Round(median * Math.Exp(mu + (sigma * random.NextGaussian())) / 1000) * 1000;
        chunk.Incomes.Add(new IncomeAssessment { HouseholdId = household.Id, MonthlyRecognisedIncome = income, AssessedOn = today.AddDays(-random.Next(365)) });
        var ratio = (double)income / median;
        var rentChance = size == 1 ? (headAge < 40 ? 0.55 : 0.25) : 0.15;
        if (random.Chance(rentChance))
        {
            var rent = (long)(Math.Round(350_000 + (random.NextDouble() * 700_000) * (leaf.Sigungu.Code.StartsWith("11", StringComparison.Ordinal) ? 1.4 : 1.0)) / 10_000 * 10_000);
            chunk.Tenancies.Add(new Tenancy { HouseholdId = household.Id, MonthlyRent = rent, Deposit = random.Next(3, 60) * 1_000_000L, Since = today.AddDays(-random.Next(1, 1500)) });
        }

        var employed = false;
        for (var i = 0; i < size; i++)
        {
            var resident = chunk.Residents[^(size - i)];
            var age = composer.AgeOf(resident.BirthDate);
            var status = Insurance(ratio, age, ref employed);
            chunk.HealthInsurance.Add(new HealthInsurance { ResidentId = resident.Id, Status = status, Since = Later(resident.BirthDate, today.AddDays(-random.Next(20 * 365))) });
            AddPersonRecords(chunk, resident, age, address, leaf);
        }
    }

    private InsuranceStatus Insurance(double ratio, int age, ref bool employed)
    {
        if (ratio <= 0.32 && random.Chance(0.7))
        {
            return InsuranceStatus.MedicalAidType1;
        }

        if (ratio <= 0.4 && random.Chance(0.4))
        {
            return InsuranceStatus.MedicalAidType2;
        }

        if (age is >= 19 and < 65 && random.Chance(0.62))
        {
            employed = true;
            return InsuranceStatus.EmployeeInsured;
        }

        return employed || random.Chance(0.5) ? InsuranceStatus.Dependent : InsuranceStatus.RegionalInsured;
    }

    private void AddPersonRecords(PopulationChunk chunk, Resident r, int age, Address address, DivisionCatalog.Leaf leaf)
    {
        // Registered disability rises steeply with age (about 5% overall, 40% of them severe).
        var disabled = age switch { < 18 => 0.012, < 40 => 0.022, < 65 => 0.05, _ => 0.125 };
        if (random.Chance(disabled))
        {
            chunk.Disabilities.Add(new Disability
            {
                ResidentId = r.Id,
                Degree = random.Chance(0.4) ? DisabilityDegree.Severe : DisabilityDegree.Mild,
                RegisteredOn = Later(r.BirthDate.AddMonths(6), today.AddDays(-random.Next(25 * 365))),
            });
        }

        var seeking = age switch { < 15 or >= 70 => 0, < 20 => 0.005, < 35 => 0.05, < 60 => 0.025, _ => 0.025 };
        if (random.Chance(seeking))
        {
            chunk.Jobseekers.Add(new JobseekerRegistration { ResidentId = r.Id, RegisteredOn = today.AddDays(-random.Next(1, 360)) });
        }

        var daycare = age switch { 0 => 0.15, 1 => 0.45, 2 => 0.75, 3 or 4 or 5 => 0.45, _ => 0 };
        if (random.Chance(daycare))
        {
            var facility = address.RoadAddressKo.Split(' ')[^2].TrimEnd('로', '길') + random.Pick(DaycareNames);
            chunk.Daycare.Add(new DaycareEnrolment { ResidentId = r.Id, FacilityName = facility, Since = Later(r.BirthDate.AddMonths(6), today.AddDays(-random.Next(1, 900))) });
        }

        AddLicencesAndAssets(chunk, r, age, address, leaf);
    }

    private static readonly string[] DaycareNames = [" 어린이집", " 햇살어린이집", " 숲속어린이집", " 구립어린이집", " 아이사랑어린이집"];

    private DateOnly Later(DateOnly a, DateOnly b) => a > b ? (a > today ? today : a) : b;
}
