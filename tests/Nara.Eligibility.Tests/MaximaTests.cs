using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Contracts;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;
using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>
/// Youth rent support (12 months) and employment support (6 months) counted from Services' approvals: on the citizen's
/// page, in the stored results of a proactive run, and in its notices. Own fixture: it records grants and notices.
/// </summary>
public sealed class MaximaTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private static readonly DateOnly March = new(2026, 3, 1);

    private async Task<long> ResidentIdAsync(DemoPersona persona)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None))!.Id;
    }

    private async Task<BenefitDetermination> DeterminationAsync(long resident, string benefit)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<IBenefitFinder>().ForResidentAsync(resident, March, CancellationToken.None);
        return all.Single(d => d.Benefit == benefit && d.ForResidentId == resident);
    }

    private async Task DecideAsync(long resident, string slug, string decision, DateTimeOffset decidedAt, Guid? messageId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<ApplicationDecided>>().OfType<Features.RecordBenefitGrant>().Single();
        var decided = new ApplicationDecided(Guid.NewGuid(), Guid.NewGuid(), slug, "MOEL", Guid.NewGuid(), resident, decision, Guid.NewGuid(), null, decidedAt);
        await handler.HandleAsync(new(messageId ?? Guid.NewGuid(), decidedAt, decided), CancellationToken.None);
    }

    private async Task<T> WithDbAsync<T>(Func<EligibilityDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EligibilityDbContext>());
    }

    [Fact]
    public async Task Approved_grants_count_the_months_used_and_a_used_up_maximum_makes_the_benefit_not_eligible_without_a_newly_eligible_notice()
    {
        var resident = await ResidentIdAsync(DemoPersonas.YoungJobseeker);
        await WithDbAsync(async db =>
        {
            await db.Grants.Where(g => g.ResidentId == resident).ExecuteDeleteAsync();
            db.Consents.Add(new MatchingConsent { ResidentId = resident, OptedIn = true, ChangedAt = factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        Assert.True((await DeterminationAsync(resident, "employment_support")).Eligible);
        Assert.True((await DeterminationAsync(resident, "youth_rent_support")).Eligible);

        // Employment support decided 2025-09-10 (Seoul): paid for Sep 2025 – Feb 2026, 6 months by March. Youth rent decided
        // 2026-01-31 23:30 UTC, which is 1 February in Seoul: 1 month paid by March. A rejected decision counts nothing.
        await DecideAsync(resident, "employment-support", CaseDecisions.Approved, new DateTimeOffset(2025, 9, 10, 1, 0, 0, TimeSpan.Zero));
        await DecideAsync(resident, "youth-rent-support", CaseDecisions.Approved, new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero));
        await DecideAsync(resident, "youth-rent-support", CaseDecisions.Rejected, new DateTimeOffset(2024, 1, 10, 1, 0, 0, TimeSpan.Zero));

        var employment = await DeterminationAsync(resident, "employment_support");
        var youth = await DeterminationAsync(resident, "youth_rent_support");
        Assert.False(employment.Eligible);
        Assert.Equal(0, employment.Amount);
        Assert.Equal("already paid for 6 months: the maximum of 6 months is used up (구직자 취업촉진 및 생활안정지원에 관한 법률, 2021)", employment.ReasonEn);
        Assert.Equal("이미 6개월 받았습니다: 최대 6개월을 모두 받았습니다 (구직자 취업촉진 및 생활안정지원에 관한 법률, 2021)", employment.ReasonKo);
        Assert.True(youth.Eligible);
        Assert.Contains("paid for 1 months so far: 11 of at most 12 months left", youth.ReasonEn, StringComparison.Ordinal);

        var run = await EligibilityTools.RunAsync(factory.Services, "test", false, "2026-03", null, CancellationToken.None);
        Assert.True(run!.NewlyEligible > 0, "other residents are still told");
        var stored = await WithDbAsync(db => db.Results.SingleAsync(r => r.ResidentId == resident));
        Assert.Equal('N', stored.Results[6]); // employment_support
        Assert.Equal('Y', stored.Results[5]); // youth_rent_support: eligible, and already granted
        var told = await WithDbAsync(db => db.Opportunities.Where(o => o.ResidentId == resident).Select(o => o.Subject).ToListAsync());
        Assert.DoesNotContain("employment_support", told);
        Assert.DoesNotContain("youth_rent_support", told);
        Assert.Equal(2, await WithDbAsync(db => db.Grants.CountAsync(g => g.ResidentId == resident)));
    }

    [Fact]
    public async Task A_grant_is_recorded_once_per_resident_and_benefit_and_queues_the_household_for_an_incremental_run()
    {
        var resident = await ResidentIdAsync(DemoPersonas.DisabledAdult);
        var message = Guid.NewGuid();
        await DecideAsync(resident, "employment-support", CaseDecisions.Approved, new DateTimeOffset(2025, 12, 1, 1, 0, 0, TimeSpan.Zero), message);
        await DecideAsync(resident, "employment-support", CaseDecisions.Approved, new DateTimeOffset(2025, 12, 1, 1, 0, 0, TimeSpan.Zero), message);
        await DecideAsync(resident, "employment-support", CaseDecisions.Approved, new DateTimeOffset(2026, 2, 1, 1, 0, 0, TimeSpan.Zero));
        await DecideAsync(resident, "parental-benefit", CaseDecisions.Approved, new DateTimeOffset(2026, 2, 1, 1, 0, 0, TimeSpan.Zero));

        var grants = await WithDbAsync(db => db.Grants.Where(g => g.ResidentId == resident).ToListAsync());
        var grant = Assert.Single(grants);
        Assert.Equal(("employment_support", new DateOnly(2025, 12, 1)), (grant.Benefit, grant.FirstMonth));
        var households = await WithDbAsync(db => db.Pending.Select(p => p.HouseholdId).ToListAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var household = Assert.Single(await scope.ServiceProvider.GetRequiredService<IPopulationFacts>().HouseholdsOfAsync([resident], CancellationToken.None));
        Assert.Contains(household, households);
    }

    [Fact]
    public async Task The_citizens_page_says_in_english_and_korean_that_the_maximum_is_used_up()
    {
        var resident = await ResidentIdAsync(DemoPersonas.YoungJobseeker);
        await DecideAsync(resident, "employment-support", CaseDecisions.Approved, new DateTimeOffset(2025, 9, 10, 1, 0, 0, TimeSpan.Zero));
        var client = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(DemoPersonas.YoungJobseeker.ResidentNumber, DemoPersonas.YoungJobseeker.NameKo));

        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/benefits?month=2026-03&culture=en", UriKind.Relative)));
        var korean = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/benefits?month=2026-03&culture=ko", UriKind.Relative)));

        Assert.Contains("the maximum of 6 months is used up", english, StringComparison.Ordinal);
        Assert.Contains("최대 6개월을 모두 받았습니다", korean, StringComparison.Ordinal);
    }
}
