using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>
/// Registries reads the whole population (full runs) with plain column scans and some households (incremental runs)
/// through EF Core: on the seeded population (1,500 residents and the personas) both must give the same columns.
/// </summary>
public sealed class PopulationReadTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2025-01-01")] // before most income assessments and some registrations: the date filters matter
    [InlineData("1990-01-01")] // before nearly everything
    public async Task Reading_everyone_at_once_gives_exactly_the_columns_of_reading_every_household_by_id(string day)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = factory.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<IPopulationFacts>();
        var everyone = await facts.ReadAsync(asOf, null, CancellationToken.None);
        var byId = await facts.ReadAsync(asOf, everyone.HouseholdId, CancellationToken.None);

        Assert.True(everyone.Persons > 1_500);
        Assert.Equal(byId.HouseholdId, everyone.HouseholdId);
        Assert.Equal(byId.FirstMember, everyone.FirstMember);
        Assert.Equal(byId.SingleParent, everyone.SingleParent);
        Assert.Equal(byId.RecognisedIncome, everyone.RecognisedIncome);
        Assert.Equal(byId.ReceivesMedicalBenefit, everyone.ReceivesMedicalBenefit);
        Assert.Equal(byId.PaysRent, everyone.PaysRent);
        Assert.Equal(byId.Region, everyone.Region);
        Assert.Equal(byId.ResidentId, everyone.ResidentId);
        Assert.Equal(byId.Birth, everyone.Birth);
        Assert.Equal(byId.Female, everyone.Female);
        Assert.Equal(byId.Married, everyone.Married);
        Assert.Equal(byId.DisabilitySevere, everyone.DisabilitySevere);
        Assert.Equal(byId.RegisteredJobseeker, everyone.RegisteredJobseeker);
        Assert.Equal(byId.InDaycare, everyone.InDaycare);
        Assert.Equal(byId.BirthOrder, everyone.BirthOrder);
        Assert.Equal(byId.Head, everyone.Head);
        Assert.Equal(byId.LicenceRenewalDue, everyone.LicenceRenewalDue);
        Assert.Equal(byId.PassportExpires, everyone.PassportExpires);
        Assert.Equal(byId.Vehicles.OrderBy(v => v.VehicleId), everyone.Vehicles.OrderBy(v => v.VehicleId));

        // The population exercises the columns compared (a column of defaults would compare equal trivially).
        if (day == "2026-03-01")
        {
            Assert.Contains(everyone.RecognisedIncome, i => i >= 0);
            Assert.Contains(everyone.Married, m => m);
            Assert.Contains(everyone.BirthOrder, o => o >= 2);
            Assert.Contains(everyone.ReceivesMedicalBenefit, m => m);
            Assert.Contains(everyone.PaysRent, r => r);
            Assert.Contains(everyone.DisabilitySevere, d => d);
            Assert.Contains(everyone.LicenceRenewalDue, d => d > 0);
            Assert.Contains(everyone.PassportExpires, d => d > 0);
            Assert.NotEmpty(everyone.Vehicles);
        }
    }
}
