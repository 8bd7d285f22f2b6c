using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Domain;
using Nara.Testing;

namespace Nara.Registries.Tests.Seeding;

public sealed class PersonaTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private Task<Resident> Find(DemoPersona persona) =>
        factory.QueryAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.ResidentNumber == persona.ResidentNumber));

    private Task<string> SigunguOf(Resident resident) => factory.QueryAsync(async db =>
    {
        var code = await db.Addresses.Where(a => a.Id == resident.AddressId).Select(a => a.DivisionCode).SingleAsync();
        return await db.Divisions.Where(d => d.Code == code).Select(d => d.ParentCode!).SingleAsync();
    });

    private Task<long> IncomeOf(Resident resident) =>
        factory.QueryAsync(db => db.Incomes.Where(i => i.HouseholdId == resident.HouseholdId).Select(i => i.MonthlyRecognisedIncome).SingleAsync());

    [Fact]
    public async Task Every_persona_is_present_with_its_number_and_names()
    {
        foreach (var persona in DemoPersonas.All)
        {
            var resident = await Find(persona);
            Assert.Equal((persona.NameKo, persona.NameEn), (resident.NameKo, resident.NameEn));
            Assert.True(resident.Id >= 900_000_000_001);
        }
    }

    [Fact]
    public async Task The_newborn_lives_with_both_parents_in_mapo()
    {
        var newborn = await Find(DemoPersonas.Newborn);
        Assert.Equal(new DateOnly(2025, 12, 20), newborn.BirthDate);
        Assert.Equal((await Find(DemoPersonas.MotherOfNewborn)).HouseholdId, newborn.HouseholdId);
        Assert.Equal((await Find(DemoPersonas.FatherOfNewborn)).HouseholdId, newborn.HouseholdId);
        Assert.Equal("1144000000", await SigunguOf(newborn));
        var parents = await factory.QueryAsync(db => db.FamilyRelations.CountAsync(f => f.ResidentId == newborn.Id && f.Kind == FamilyRelationKind.Parent));
        Assert.Equal(2, parents);
    }

    [Fact]
    public async Task The_elderly_woman_lives_alone_on_a_low_income_in_suncheon()
    {
        var elder = await Find(DemoPersonas.ElderlyAlone);
        Assert.Equal((1944, Sex.Female), (elder.BirthDate.Year, elder.Sex));
        Assert.Equal(1, await factory.QueryAsync(db => db.Residents.CountAsync(r => r.HouseholdId == elder.HouseholdId)));
        Assert.Equal(800_000, await IncomeOf(elder));
        Assert.Equal("4615000000", await SigunguOf(elder));
    }

    [Fact]
    public async Task The_young_jobseeker_rents_alone_in_gwanak_and_is_registered()
    {
        var young = await Find(DemoPersonas.YoungJobseeker);
        Assert.Equal(2000, young.BirthDate.Year);
        Assert.Equal(1_100_000, await IncomeOf(young));
        Assert.Equal("1162000000", await SigunguOf(young));
        Assert.True(await factory.QueryAsync(db => db.Tenancies.AnyAsync(t => t.HouseholdId == young.HouseholdId)));
        Assert.True(await factory.QueryAsync(db => db.Jobseekers.AnyAsync(j => j.ResidentId == young.Id)));
    }

    [Fact]
    public async Task The_single_parent_household_in_suwon_has_two_children()
    {
        var parent = await Find(DemoPersonas.SingleParent);
        var household = await factory.QueryAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.Id == parent.HouseholdId));
        Assert.True(household.SingleParent);
        Assert.Equal(3, household.MemberCount);
        Assert.Equal(2_400_000, await IncomeOf(parent));
        Assert.StartsWith("4111", await SigunguOf(parent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_disabled_adult_business_owner_foreigner_and_officials_have_their_circumstances()
    {
        var disabled = await Find(DemoPersonas.DisabledAdult);
        Assert.Equal(DisabilityDegree.Severe, await factory.QueryAsync(db => db.Disabilities.Where(d => d.ResidentId == disabled.Id).Select(d => d.Degree).SingleAsync()));
        Assert.StartsWith("30", await SigunguOf(disabled), StringComparison.Ordinal);
        var owner = await Find(DemoPersonas.BusinessOwner);
        Assert.True(await factory.QueryAsync(db => db.Businesses.AnyAsync(b => b.OwnerResidentId == owner.Id)));
        Assert.Equal("2635000000", await SigunguOf(owner));
        var foreigner = await Find(DemoPersonas.ForeignResident);
        Assert.Equal("VNM", foreigner.Nationality);
        Assert.StartsWith("4127", await SigunguOf(foreigner), StringComparison.Ordinal);
        Assert.StartsWith("11", await SigunguOf(await Find(DemoPersonas.DistrictOfficial)), StringComparison.Ordinal);
        Assert.StartsWith("36", await SigunguOf(await Find(DemoPersonas.MinistryOfficial)), StringComparison.Ordinal);
    }
}
