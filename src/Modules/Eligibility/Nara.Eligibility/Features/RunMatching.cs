using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Batch;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;
using Nara.Eligibility.Engine;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>What a run did, for the CLI and the run history.</summary>
public sealed record RunSummary(Guid RunId, string Kind, string Month, int Households, int Residents, long Determinations,
    int ResultsChanged, int NewlyEligible, int NoLongerEligible, int DueSoon, int Notifications, long DurationMs);

/// <summary>
/// Whole-population proactive matching: read the registries' columns, evaluate every benefit for
/// everyone (BatchEngine), compare with each resident's stored results, and turn changes and due dates
/// into opportunities — one notification each, for residents who opted in. Full runs read everyone;
/// incremental runs read only the households registry events queued, and store exactly what a full run
/// would. Changes are written in chunks, each with its opportunities and notifications in one
/// transaction, so an interrupted run leaves finished chunks done and the rerun redoes the rest; the
/// unique key per resident × subject × kind × period makes a second notification impossible.
/// </summary>
internal sealed class RunMatching(EligibilityDbContext db, IPopulationFacts registries, RuleSet rules, TimeProvider clock)
{
    private const int ChunkWrites = 10_000;

    /// <returns>The summary, or null when another host is running proactive matching now (PostgreSQL advisory lock; nothing done).</returns>
    public async Task<RunSummary?> RunAsync(string trigger, bool incremental, Period? month, IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        await using var lease = await MatchingLeader.TryLeadAsync(db, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        return await LeadAsync(trigger, incremental, month, progress, cancellationToken);
    }

    private async Task<RunSummary> LeadAsync(string trigger, bool incremental, Period? month, IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var started = clock.GetUtcNow();
        var today = KoreaTime.Today(clock);
        var evaluated = month ?? Period.OfMonth(today);
        var run = new MatchingRun { Id = Guid.NewGuid(), Kind = incremental ? "incremental" : "full", Trigger = trigger, Month = evaluated.ToString(), StartedAt = started };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        List<long>? households = incremental ? await db.Pending.Where(p => p.Since <= started).Select(p => p.HouseholdId).ToListAsync(cancellationToken) : null;
        progress?.Report(("read registries", 0, 1));
        var population = households is { Count: 0 } ? null : await registries.ReadAsync(evaluated.Start, households, cancellationToken);
        var changes = population is null ? new MatchingChanges() : await ApplyAsync(run, population, households, evaluated, today, progress, cancellationToken);

        await db.Pending.Where(p => p.Since <= started && (households == null || households.Contains(p.HouseholdId))).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
        run.FinishedAt = clock.GetUtcNow();
        run.Households = population?.Households ?? 0;
        run.Residents = population?.Persons ?? 0;
        run.Determinations = changes.Determinations;
        run.ResultsChanged = changes.ResultsChanged;
        run.NewlyEligible = changes.NewlyEligible;
        run.NoLongerEligible = changes.NoLongerEligible;
        run.DueSoon = changes.DueSoon;
        run.Notifications = changes.Notifications;
        run.DurationMs = stopwatch.ElapsedMilliseconds;
        db.Runs.Update(run);
        await db.SaveChangesAsync(cancellationToken);
        return new RunSummary(run.Id, run.Kind, run.Month, run.Households, run.Residents, run.Determinations, run.ResultsChanged,
            run.NewlyEligible, run.NoLongerEligible, run.DueSoon, run.Notifications, run.DurationMs);
    }

    private async Task<MatchingChanges> ApplyAsync(MatchingRun run, PopulationColumns population, List<long>? households, Period month, DateOnly today,
        IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var paid = await MonthsPaid.LoadAsync(db, rules, month, households is null ? null : population.ResidentId, cancellationToken);
        var batch = BatchEngine.Evaluate(rules, BatchInput.FromRegistries(population, paid), month,
            progress is null ? null : new Progress<(long Done, long Total)>(p => progress.Report(("match", p.Done, p.Total))));
        var residentIds = population.ResidentId;
        var width = BatchBenefits.All.Count;
        var monthText = month.ToString();
        var stored = await StoredResultsTable.LoadAsync(db, monthText, width, households, residentIds, cancellationToken);
        var optedIn = (await db.Consents.AsNoTracking().Where(c => c.OptedIn).Select(c => c.ResidentId).ToListAsync(cancellationToken)).ToHashSet();
        var writer = new OpportunityWriter(db, rules, run, optedIn, clock.GetUtcNow());
        await writer.LoadExistingAsync(month, cancellationToken);
        var changes = new MatchingChanges { Determinations = batch.Determinations };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writes = new ResultRows(ChunkWrites, width, monthText);
        var bulk = ResultsBulkWriter.For(db);
        var results = new byte[width];
        var none = new byte[width];
        Array.Fill(none, (byte)'-');
        for (var h = 0; h < population.Households; h++)
        {
            var (first, end) = (population.FirstMember[h], population.FirstMember[h + 1]);
            var head = Head(population, first, end);
            for (var p = first; p < end; p++)
            {
                foreach (var benefit in BatchBenefits.All)
                {
                    results[benefit.Index] = (byte)(benefit.PerPerson ? Tri.ToChar(batch.Eligible[benefit.Index][p])
                        : p == head ? Tri.ToChar(batch.Eligible[benefit.Index][h]) : '-');
                }

                var row = stored.Find(residentIds[p]);
                if (row >= 0)
                {
                    stored.Matched[row] = true;
                    if (stored.Current(row) && stored.Household(row) == population.HouseholdId[h] && stored.Results(row).SequenceEqual(results))
                    {
                        continue;
                    }
                }

                changes.ResultsChanged++;
                writes.Add(residentIds[p], population.HouseholdId[h], results);

                var before = row >= 0 ? stored.Results(row) : none;
                var notify = batch.Age[p] >= 18 || head < 0 ? residentIds[p] : residentIds[head];
                for (var k = 0; k < width; k++)
                {
                    var kind = results[k] == 'Y' && before[k] != 'Y' ? OpportunityKinds.NewlyEligible : before[k] == 'Y' && results[k] == 'N' ? OpportunityKinds.NoLongerEligible : null;
                    if (kind == OpportunityKinds.NewlyEligible && paid.Granted(residentIds[p], BatchBenefits.All[k].Id))
                    {
                        // Already receiving it (Services approved it): nothing to apply for.
                        kind = null;
                    }

                    if (kind is not null)
                    {
                        changes.Count(kind);
                        changes.Notifications += writer.Benefit(residentIds[p], notify, BatchBenefits.All[k], kind, monthText) ? 1 : 0;
                    }
                }

                if (writes.Count >= writes.Capacity)
                {
                    await SaveAsync(bulk, writes, cancellationToken);
                    progress?.Report(("store", h, population.Households));
                }
            }
        }

        foreach (var due in DueDates.Within(population, today))
        {
            changes.DueSoon++;
            var household = HouseholdOf(population, due.Person);
            var head = Head(population, population.FirstMember[household], population.FirstMember[household + 1]);
            var notify = batch.Age[due.Person] >= 18 || head < 0 ? residentIds[due.Person] : residentIds[head];
            changes.Notifications += writer.Due(residentIds[due.Person], notify, due) ? 1 : 0;
        }

        // Residents gone from the population (or from an affected household) no longer have results.
        var gone = new List<long>();
        for (var row = 0; row < stored.Count; row++)
        {
            if (!stored.Matched[row] && (households == null || households.Contains(stored.Household(row))))
            {
                gone.Add(stored.Resident(row));
            }
        }

        await SaveAsync(bulk, writes, cancellationToken);
        foreach (var slice in gone.Chunk(500))
        {
            await db.Results.Where(r => slice.Contains(r.ResidentId)).ExecuteDeleteAsync(cancellationToken);
        }

        return changes;
    }

    /// <summary>One chunk, one transaction: the result rows in bulk, then its opportunities and their notifications (outbox) through EF Core.</summary>
    private async Task SaveAsync(ResultsBulkWriter bulk, ResultRows writes, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await bulk.UpsertAsync(writes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        writes.Clear();
    }

    /// <summary>The household head (세대주), or its first member when none is recorded; -1 for an empty household.</summary>
    private static int Head(PopulationColumns population, int first, int end)
    {
        for (var p = first; p < end; p++)
        {
            if (population.Head[p])
            {
                return p;
            }
        }

        return end > first ? first : -1;
    }

    private static int HouseholdOf(PopulationColumns population, int person)
    {
        var index = Array.BinarySearch(population.FirstMember, person);
        if (index < 0)
        {
            return ~index - 1;
        }

        // Empty households share a start: take the last household starting here.
        while (index + 1 < population.FirstMember.Length - 1 && population.FirstMember[index + 1] == person)
        {
            index++;
        }

        return index;
    }
}

internal sealed class MatchingChanges
{
    public long Determinations { get; set; }

    public int ResultsChanged { get; set; }

    public int NewlyEligible { get; set; }

    public int NoLongerEligible { get; set; }

    public int DueSoon { get; set; }

    public int Notifications { get; set; }

    public void Count(string kind)
    {
        if (kind == OpportunityKinds.NewlyEligible)
        {
            NewlyEligible++;
        }
        else
        {
            NoLongerEligible++;
        }
    }
}
