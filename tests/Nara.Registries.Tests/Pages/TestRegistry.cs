using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Data;
using Nara.Registries.Domain;
using Nara.Testing;

namespace Nara.Registries.Tests.Pages;

/// <summary>
/// A small, recognisable household added next to whatever the seed made: one test neighbourhood in 종로구
/// with 25 residents whose names start with "시험", so searches and paging have known answers.
/// </summary>
internal static class TestRegistry
{
    public const string Neighbourhood = "1111099901";
    public const string NamePrefix = "시험";
    public const int Count = 25;

    public static async Task<IReadOnlyList<Resident>> AddAsync(NaraFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        await EnsureDivisionAsync(db, "1100000000", DivisionLevel.Sido, null, "서울특별시", "Seoul");
        await EnsureDivisionAsync(db, "1111000000", DivisionLevel.Sigungu, "1100000000", "종로구", "Jongno-gu");
        await EnsureDivisionAsync(db, Neighbourhood, DivisionLevel.Eupmyeondong, "1111000000", "시험동", "Siheom-dong");
        var existing = await db.Residents.Where(r => r.NameKo.StartsWith(NamePrefix)).OrderBy(r => r.Id).ToListAsync();
        if (existing.Count > 0)
        {
            return existing;
        }

        var address = new Address { DivisionCode = Neighbourhood, RoadAddressKo = "서울특별시 종로구 시험로 1", RoadAddressEn = "1 Siheom-ro, Jongno-gu, Seoul", PostalCode = "03000", Latitude = 37.57, Longitude = 126.98 };
        db.Addresses.Add(address);
        await db.SaveChangesAsync();
        var household = new Household { AddressId = address.Id, MemberCount = Count };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        var residents = Enumerable.Range(1, Count).Select(i => new Resident
        {
            ResidentNumber = $"800101-1{i:D6}",
            NameKo = $"{NamePrefix}{i:D2}",
            NameEn = $"Siheom {i:D2}",
            BirthDate = new DateOnly(1980, 1, 1),
            Sex = Sex.Male,
            Nationality = "KOR",
            AddressId = address.Id,
            HouseholdId = household.Id,
            RelationToHead = i == 1 ? HouseholdRelation.Head : HouseholdRelation.Sibling,
            MovedInOn = new DateOnly(2020, 1, 1),
        }).ToList();
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync();
        household.HeadResidentId = residents[0].Id;
        await db.SaveChangesAsync();
        return residents;
    }

    private static async Task EnsureDivisionAsync(RegistriesDbContext db, string code, DivisionLevel level, string? parent, string ko, string en)
    {
        if (!await db.Divisions.AnyAsync(d => d.Code == code))
        {
            db.Divisions.Add(new AdminDivision { Code = code, Level = level, ParentCode = parent, NameKo = ko, NameEn = en, Latitude = 37.57, Longitude = 126.98 });
            await db.SaveChangesAsync();
        }
    }
}
