using Microsoft.EntityFrameworkCore;
using Nara.Registries.Domain;
using Nara.Testing;

namespace Nara.Registries.Tests.Seeding;

/// <summary>A larger population (20,000), so that shares can be checked within tolerances.</summary>
public sealed class LargePopulationFactory : NaraFactory
{
    public LargePopulationFactory() => Residents = 20_000;
}

public sealed class DistributionTests(LargePopulationFactory factory) : IClassFixture<LargePopulationFactory>
{
    // The factory's clock: 2026-03-02 in Korea.
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task The_population_has_the_korean_shape()
    {
        var residents = await factory.QueryAsync(db => db.Residents.AsNoTracking().Where(r => r.Id < 900_000_000_000)
            .Select(r => new { r.BirthDate, r.Nationality }).ToListAsync());
        double Share(Func<DateOnly, bool> test) => residents.Count(r => test(r.BirthDate)) / (double)residents.Count;

        Assert.Equal(factory.Residents, residents.Count);
        Assert.InRange(Share(b => b <= Today.AddYears(-65)), 0.16, 0.24);
        Assert.InRange(Share(b => b > Today.AddYears(-2)), 0.005, 0.02);
        Assert.InRange(residents.Count(r => r.Nationality != "KOR") / (double)residents.Count, 0.025, 0.045);
        var median = residents.Select(r => r.BirthDate).Order().ElementAt(residents.Count / 2);
        Assert.InRange(Today.Year - median.Year, 40, 50);
    }

    [Fact]
    public async Task Household_sizes_follow_korea_with_elderly_living_alone_and_single_parents()
    {
        var households = await factory.QueryAsync(db => db.Households.AsNoTracking().Select(h => new { h.MemberCount, h.SingleParent }).ToListAsync());
        double Share(int size) => households.Count(h => h.MemberCount == size) / (double)households.Count;
        Assert.InRange(Share(1), 0.30, 0.40);
        Assert.InRange(Share(2), 0.24, 0.34);
        Assert.InRange(Share(4), 0.09, 0.17);
        Assert.Contains(households, h => h.SingleParent);
        var elderlyAlone = await factory.QueryAsync(db => db.Households.CountAsync(h => h.MemberCount == 1
            && db.Residents.Any(r => r.HouseholdId == h.Id && r.BirthDate <= Today.AddYears(-65))));
        Assert.InRange(elderlyAlone / (double)households.Count, 0.05, 0.14);
    }

    [Fact]
    public async Task Disability_and_jobseeker_registrations_have_plausible_shares()
    {
        var (residents, disabled, severe, jobseekers, working) = await factory.QueryAsync(async db => (
            await db.Residents.CountAsync(),
            await db.Disabilities.CountAsync(),
            await db.Disabilities.CountAsync(d => d.Degree == DisabilityDegree.Severe),
            await db.Jobseekers.CountAsync(),
            await db.Residents.CountAsync(r => r.BirthDate <= Today.AddYears(-15) && r.BirthDate > Today.AddYears(-70))));
        Assert.InRange(disabled / (double)residents, 0.035, 0.065);
        Assert.InRange(severe / (double)disabled, 0.3, 0.5);
        Assert.InRange(jobseekers / (double)working, 0.015, 0.045);
    }

    [Fact]
    public async Task Incomes_spread_around_the_standard_median()
    {
        var incomes = await factory.QueryAsync(db => db.Households.AsNoTracking()
            .Join(db.Incomes, h => h.Id, i => i.HouseholdId, (h, i) => new { h.MemberCount, i.MonthlyRecognisedIncome }).ToListAsync());
        var ratios = incomes.Select(i => i.MonthlyRecognisedIncome / (double)Data.Seed.Generation.RecordFactory.MedianIncome[Math.Min(i.MemberCount, 6)]).Order().ToList();
        Assert.InRange(ratios[ratios.Count / 2], 0.6, 1.1);
        Assert.InRange(ratios.Count(r => r <= 0.32) / (double)ratios.Count, 0.03, 0.2);
    }
}
