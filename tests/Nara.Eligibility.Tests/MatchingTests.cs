using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>The seeded population without the background scheduler: tests start runs themselves.</summary>
public sealed class MatchingFactory : NaraFactory
{
    public MatchingFactory() => With("Nara:Eligibility:Schedule", "false");
}

/// <summary>Whole-population matching runs: idempotent notices, consent, incremental runs equal to full runs, run history.</summary>
public sealed class MatchingTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private async Task<HttpClient> CitizenAsync(DemoPersona persona) =>
        await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo));

    private static async Task SwitchMatchingAsync(HttpClient client, bool on)
    {
        var page = await client.GetStringAsync(new Uri("/my/benefits?culture=en", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["optIn"] = on ? "true" : "false",
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var response = await client.PostAsync(new Uri("/my/benefits?handler=Matching", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<T> WithDbAsync<T>(Func<EligibilityDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EligibilityDbContext>());
    }

    private Task<Features.RunSummary?> RunAsync(bool incremental = false) =>
        EligibilityTools.RunAsync(factory.Services, "test", incremental, "2026-03", null, CancellationToken.None);

    private async Task<long> ResidentIdAsync(DemoPersona persona)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None))!.Id;
    }

    [Fact]
    public async Task A_resident_who_opted_in_is_told_once_however_often_the_run_is_repeated_or_interrupted()
    {
        await WithDbAsync(db => db.Results.ExecuteDeleteAsync());
        var client = await CitizenAsync(DemoPersonas.ElderlyAlone);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/benefits?culture=en", UriKind.Relative)));
        Assert.Contains("Off: switch it on", html, StringComparison.Ordinal);
        await SwitchMatchingAsync(client, on: true);
        Assert.Contains("On: we tell you", WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/benefits?culture=en", UriKind.Relative))), StringComparison.Ordinal);
        var elderly = await ResidentIdAsync(DemoPersonas.ElderlyAlone);

        var first = await RunAsync();
        var second = await RunAsync();
        // An interrupted run: the persona's stored results were never written, so the rerun finds the change again.
        await WithDbAsync(db => db.Results.Where(r => r.ResidentId == elderly).ExecuteDeleteAsync());
        var third = await RunAsync();

        Assert.True(first!.Residents > 1_500 && first.NewlyEligible > 0 && first.Notifications > 0);
        Assert.Equal(0, second!.ResultsChanged);
        Assert.Equal(0, second.Notifications);
        Assert.True(third!.ResultsChanged >= 1);
        Assert.Equal(0, third.Notifications);
        var opportunities = await WithDbAsync(db => db.Opportunities.Where(o => o.NotifyResidentId == elderly).ToListAsync());
        Assert.Single(opportunities, o => o.Subject == "basic_pension" && o.Kind == OpportunityKinds.NewlyEligible && o.Period == "2026-03");
        Assert.Equal(first.Notifications, await WithDbAsync(db => db.Opportunities.CountAsync()));
        var notices = await WithDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("NotificationRequested")).ToListAsync());
        Assert.Equal(first.Notifications, notices.Count);
        Assert.Contains(notices, m => m.Payload.Contains("/services/basic-pension/apply", StringComparison.Ordinal));
        Assert.All(opportunities, o => Assert.Equal(elderly, o.NotifyResidentId));
    }

    [Fact]
    public async Task An_incremental_run_after_registry_changes_stores_exactly_what_a_full_run_stores()
    {
        await RunAsync();
        var households = await WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT \"HouseholdId\" AS \"Value\" FROM registries_incomes ORDER BY \"HouseholdId\"").Take(30).ToListAsync());
        var resident = await WithDbAsync(db => db.Results.OrderBy(r => r.ResidentId).Select(r => r.ResidentId).FirstAsync());
        foreach (var id in households)
        {
            await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE registries_incomes SET \"MonthlyRecognisedIncome\" = 0 WHERE \"HouseholdId\" = {id}"));
        }

        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE registries_residents SET \"BirthDate\" = {new DateOnly(1950, 1, 15)} WHERE \"Id\" = {resident}"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<RegistryRecordChanged>>().OfType<Features.QueueRegistryChange>().Single();
            foreach (var id in households)
            {
                await handler.HandleAsync(new(Guid.NewGuid(), factory.Clock.GetUtcNow(), new RegistryRecordChanged("incomes", $"{id}", "update", "test", null, null, null)), CancellationToken.None);
            }

            await handler.HandleAsync(new(Guid.NewGuid(), factory.Clock.GetUtcNow(), new RegistryRecordChanged("residents", $"{resident}", "update", "test", null, $"{resident}", null)), CancellationToken.None);
        }

        var incremental = await RunAsync(incremental: true);
        var afterIncremental = await SnapshotAsync();
        var full = await RunAsync();

        Assert.True(incremental!.Households <= households.Count + 1 && incremental.ResultsChanged > 0, JsonSerializer.Serialize(incremental));
        Assert.Equal(0, full!.ResultsChanged);
        Assert.Equal(afterIncremental, await SnapshotAsync());
        Assert.Equal(0, await WithDbAsync(db => db.Pending.CountAsync()));
    }

    [PostgresFact]
    public async Task On_postgresql_a_second_run_started_while_one_is_running_is_refused_and_does_nothing()
    {
        var leaderHoldsLock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runsBefore = await WithDbAsync(db => db.Runs.CountAsync());
        // The leader's first progress report comes after it took the lock: it waits there until the second run has tried.
        var hold = new BlockingProgress(() =>
        {
            leaderHoldsLock.TrySetResult();
            secondDone.Task.Wait(TimeSpan.FromSeconds(60));
        });
        var leader = Task.Run(() => EligibilityTools.RunAsync(factory.Services, "test", false, "2026-03", hold, CancellationToken.None));
        await leaderHoldsLock.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var second = await EligibilityTools.RunAsync(factory.Services, "test", false, "2026-03", null, CancellationToken.None);
        var runsWhileLeading = await WithDbAsync(db => db.Runs.CountAsync());
        secondDone.SetResult();
        var first = await leader;
        var afterwards = await RunAsync();

        Assert.Null(second);
        Assert.Equal(runsBefore + 1, runsWhileLeading);
        Assert.NotNull(first);
        Assert.NotNull(afterwards);
        Assert.Equal(runsBefore + 2, await WithDbAsync(db => db.Runs.CountAsync()));
    }

    private sealed class BlockingProgress(Action onFirst) : IProgress<(string Stage, long Done, long Total)>
    {
        private int _reports;

        public void Report((string Stage, long Done, long Total) value)
        {
            if (Interlocked.Increment(ref _reports) == 1)
            {
                onFirst();
            }
        }
    }

    private Task<List<string>> SnapshotAsync() => WithDbAsync(db => db.Results.OrderBy(r => r.ResidentId).Select(r => r.ResidentId + ":" + r.HouseholdId + ":" + r.Month + ":" + r.Results).ToListAsync());

    [Fact]
    public async Task Officials_see_the_run_history_in_english_and_citizens_may_not()
    {
        await RunAsync();
        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var html = WebUtility.HtmlDecode(await official.GetStringAsync(new Uri("/officials/eligibility/runs?culture=en", UriKind.Relative)));
        Assert.Contains("Proactive matching runs", html, StringComparison.Ordinal);
        Assert.Contains("Finished", html, StringComparison.Ordinal);

        var citizen = await CitizenAsync(DemoPersonas.MotherOfNewborn);
        var refused = await citizen.GetAsync(new Uri("/officials/eligibility/runs", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
