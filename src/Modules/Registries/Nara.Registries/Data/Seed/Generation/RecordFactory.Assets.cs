using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

internal sealed partial class RecordFactory
{
    private static readonly string[] Models =
    [
        "현대 아반떼", "현대 쏘나타", "현대 그랜저", "현대 투싼", "현대 싼타페", "현대 캐스퍼", "기아 K5", "기아 K8", "기아 쏘렌토",
        "기아 카니발", "기아 스포티지", "기아 레이", "기아 모닝", "제네시스 G80", "제네시스 GV70", "쉐보레 트랙스", "르노 QM6",
        "KGM 토레스", "BMW 520i", "벤츠 E300", "테슬라 모델 Y", "현대 아이오닉 5", "현대 포터",
    ];

    private static readonly string[] Industries = ["음식점업", "소매업", "부동산 중개업", "개인 서비스업", "제조업", "운수업", "정보통신업", "교육 서비스업"];

    private static readonly string[] ShopKinds = ["상회", "식당", "카페", "마트", "공인중개사사무소", "미용실", "공업사", "학원", "디자인"];

    // 운전면허 지역 번호 by 시도 code (세종 is licensed with 충남).
    private static readonly Dictionary<int, int> LicenceRegion = new()
    {
        [11] = 11, [26] = 12, [41] = 13, [51] = 14, [43] = 15, [44] = 16, [36] = 16, [52] = 17, [46] = 18,
        [47] = 19, [48] = 20, [50] = 21, [27] = 22, [28] = 23, [29] = 24, [30] = 25, [31] = 26,
    };

    private void AddLicencesAndAssets(PopulationChunk chunk, Resident r, int age, Address address, DivisionCatalog.Leaf leaf)
    {
        if (age < 18)
        {
            if (r.Nationality == "KOR" && random.Chance(0.2))
            {
                AddPassport(chunk, r, 5);
            }

            return;
        }

        var licensed = age switch { < 20 => 0.3, < 65 => 0.8, < 75 => 0.55, _ => 0.25 };
        if (random.Chance(licensed))
        {
            AddLicence(chunk, r, LicenceRegion[((leaf.Sigungu.Code[0] - '0') * 10) + (leaf.Sigungu.Code[1] - '0')]);
            var cars = age switch { < 25 => 0.12, < 75 => 0.62, _ => 0.25 };
            if (random.Chance(cars))
            {
                AddVehicle(chunk, r);
                if (random.Chance(0.12))
                {
                    AddVehicle(chunk, r);
                }
            }
        }

        if (r.Nationality == "KOR" && random.Chance(age < 60 ? 0.5 : 0.3))
        {
            AddPassport(chunk, r, 10);
        }

        var owner = age switch { < 25 => 0.02, < 30 => 0.05, < 70 => 0.13, _ => 0.05 };
        if (random.Chance(owner))
        {
            AddBusiness(chunk, r, age, address, leaf);
        }
    }

    private void AddVehicle(PopulationChunk chunk, Resident r)
    {
        var registered = today.AddDays(-random.Next(1, 18 * 365));
        // Private passenger cars: first inspection four years after registration, then every two years.
        DateOnly? inspected = null;
        for (var due = registered.AddYears(4); due <= today; due = due.AddYears(2))
        {
            inspected = due.AddDays(-random.Next(0, 60));
        }

        chunk.Vehicles.Add(new Vehicle
        {
            Id = ids.NextVehicle(),
            PlateNumber = ids.NewPlate(random, registered),
            OwnerResidentId = r.Id,
            Model = random.Pick(Models),
            FirstRegisteredOn = registered,
            LastInspectionOn = inspected,
        });
    }

    private void AddLicence(PopulationChunk chunk, Resident r, int region)
    {
        var first = r.BirthDate.AddYears(18).AddDays(random.Next(0, 10 * 365));
        if (first > today)
        {
            first = today.AddDays(-random.Next(0, 30));
        }

        var (issued, due) = LicenceDates(r.BirthDate, first, today);
        chunk.DriverLicences.Add(new DriverLicence
        {
            ResidentId = r.Id,
            LicenceNumber = ids.NewLicence(random, region, first.Year),
            Class = random.Chance(0.45) ? "1종 보통" : "2종 보통",
            IssuedOn = issued,
            RenewalDueOn = due,
        });
    }

    /// <summary>Renewal every 10 years; every 5 from age 65; every 3 from age 75 (age on the day of renewal).</summary>
    public static (DateOnly Issued, DateOnly Due) LicenceDates(DateOnly birth, DateOnly firstIssued, DateOnly today)
    {
        var issued = firstIssued;
        while (true)
        {
            var age = issued.Year - birth.Year - (birth.AddYears(issued.Year - birth.Year) > issued ? 1 : 0);
            var due = issued.AddYears(age >= 75 ? 3 : age >= 65 ? 5 : 10);
            if (due > today)
            {
                return (issued, due);
            }

            issued = due;
        }
    }

    private void AddPassport(PopulationChunk chunk, Resident r, int years)
    {
        var issued = Later(r.BirthDate, today.AddDays(-random.Next(1, years * 365)));
        chunk.Passports.Add(new Passport
        {
            ResidentId = r.Id,
            PassportNumber = ids.NewPassport(random, issued),
            IssuedOn = issued,
            ExpiresOn = issued.AddYears(years).AddDays(-1),
        });
    }

    private void AddBusiness(PopulationChunk chunk, Resident r, int age, Address home, DivisionCatalog.Leaf leaf)
    {
        var kind = random.Next(ShopKinds.Length);
        var place = random.Chance(0.3) ? home : NewAddress(chunk, leaf, random.Pick(leaf.Neighbourhoods));
        var stem = place.RoadAddressKo.Split(' ')[^2].TrimEnd('로', '길');
        chunk.Businesses.Add(new Business
        {
            Id = ids.NextBusiness(),
            RegistrationNumber = ids.NewBusinessNumber(random),
            NameKo = $"{stem}{ShopKinds[kind]}",
            OwnerResidentId = r.Id,
            AddressId = place.Id,
            Industry = Industries[kind % Industries.Length],
            OpenedOn = Later(r.BirthDate.AddYears(20), today.AddDays(-random.Next(30, Math.Max(31, Math.Min(age - 19, 30) * 365)))),
        });
    }
}
