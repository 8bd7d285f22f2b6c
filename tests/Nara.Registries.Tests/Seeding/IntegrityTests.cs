using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data.Seed.Generation;
using Nara.Registries.Domain;
using Nara.Testing;

namespace Nara.Registries.Tests.Seeding;

public sealed class IntegrityTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Every_resident_lives_in_an_existing_household_at_an_existing_address()
    {
        var orphans = await factory.QueryAsync(db => db.Residents.CountAsync(r =>
            !db.Households.Any(h => h.Id == r.HouseholdId) || !db.Addresses.Any(a => a.Id == r.AddressId)));
        Assert.Equal(0, orphans);
        Assert.True(await factory.QueryAsync(db => db.Residents.CountAsync()) >= factory.Residents);
    }

    [Fact]
    public async Task Every_household_head_is_a_member_and_member_counts_match()
    {
        var households = await factory.QueryAsync(db => db.Households.AsNoTracking()
            .Select(h => new { h.HeadResidentId, h.MemberCount, Members = db.Residents.Count(r => r.HouseholdId == h.Id), HeadInside = db.Residents.Any(r => r.Id == h.HeadResidentId && r.HouseholdId == h.Id && r.RelationToHead == HouseholdRelation.Head) })
            .ToListAsync());
        Assert.NotEmpty(households);
        Assert.All(households, h => Assert.True(h.HeadInside && h.Members == h.MemberCount));
    }

    [Fact]
    public async Task Family_relations_point_to_existing_residents()
    {
        var dangling = await factory.QueryAsync(db => db.FamilyRelations.CountAsync(f =>
            !db.Residents.Any(r => r.Id == f.ResidentId) || !db.Residents.Any(r => r.Id == f.RelatedResidentId)));
        Assert.Equal(0, dangling);
        Assert.True(await factory.QueryAsync(db => db.FamilyRelations.CountAsync()) > 0);
    }

    [Fact]
    public async Task Every_address_lies_in_a_neighbourhood_whose_parents_reach_a_province()
    {
        var divisions = await factory.QueryAsync(db => db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code));
        var codes = await factory.QueryAsync(db => db.Addresses.Select(a => a.DivisionCode).Distinct().ToListAsync());
        Assert.Equal(17, divisions.Values.Count(d => d.Level == DivisionLevel.Sido));
        foreach (var code in codes)
        {
            var division = divisions[code];
            Assert.Equal(DivisionLevel.Eupmyeondong, division.Level);
            Assert.Matches("^[0-9]{8}00$", code);
            while (division.ParentCode is { } parent)
            {
                division = divisions[parent];
            }

            Assert.Equal(DivisionLevel.Sido, division.Level);
        }
    }

    [Fact]
    public async Task Resident_numbers_are_valid_unique_and_agree_with_birth_date_sex_and_nationality()
    {
        var residents = await factory.QueryAsync(db => db.Residents.AsNoTracking().ToListAsync());
        Assert.Equal(residents.Count, residents.Select(r => r.ResidentNumber).Distinct().Count());
        Assert.All(residents, r =>
        {
            Assert.True(ResidentNumbers.IsValid(r.ResidentNumber), r.ResidentNumber);
            Assert.Equal(r.BirthDate, ResidentNumbers.BirthDate(r.ResidentNumber));
            Assert.Equal(r.Sex, ResidentNumbers.SexOf(r.ResidentNumber));
            Assert.Equal(r.Nationality != "KOR", ResidentNumbers.IsForeigner(r.ResidentNumber));
        });
    }

    [Fact]
    public async Task Business_numbers_are_valid_and_every_local_government_serves_a_district()
    {
        var businesses = await factory.QueryAsync(db => db.Businesses.Select(b => b.RegistrationNumber).ToListAsync());
        Assert.NotEmpty(businesses);
        Assert.All(businesses, b => Assert.True(BusinessNumbers.IsValid(b), b));
        var agencies = await factory.QueryAsync(db => db.Agencies.AsNoTracking().ToListAsync());
        Assert.Contains(agencies, a => a.Code == "LG1111000000" && a.NameKo == "종로구청");
        foreach (var code in new[] { "MOIS", "MOHW", "MOEL", "MOLIT", "MOFA", "MOJ", "NTS", "NHIS", "KoROAD", "MOGEF" })
        {
            Assert.Contains(agencies, a => a.Code == code);
        }
    }

    [Fact]
    public async Task Starting_again_on_a_seeded_database_keeps_its_data()
    {
        var before = await factory.HashAsync();
        await new RegistriesModule().SeedAsync(factory.Services, new Kernel.Modules.SeedRequest(100, 99, OnlyIfEmpty: true), CancellationToken.None);
        Assert.Equal(before, await factory.HashAsync());
    }
}
