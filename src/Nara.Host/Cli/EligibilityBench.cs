using System.Diagnostics;
using Nara.Eligibility;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Rules;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Registries.Contracts;

namespace Nara.Host.Cli;

/// <summary>
/// "nara bench eligibility": resident×benefit determinations per second of the rules engine over
/// synthetic households (deterministic, in memory: no database, no registry data), on all cores.
/// </summary>
internal static class EligibilityBench
{
    public static object Run(int households)
    {
        var rules = NaraRules.Create();
        var benefits = rules.Variables.Values.Where(v => v.Name.EndsWith("_eligible", StringComparison.Ordinal)).ToList();
        var month = Period.OfMonth(2025, 6);
        var cpu = BenchLoad.ProcessCpu();
        var stopwatch = Stopwatch.StartNew();
        long determinations = 0;
        Parallel.For(0, households, () => 0L, (h, _, count) =>
        {
            var simulation = new Simulation(rules, Household(h, month));
            foreach (var benefit in benefits)
            {
                var members = benefit.Entity.IsPerson ? simulation.Situation.Persons.Count : 1;
                for (var i = 0; i < members; i++)
                {
                    simulation.Compute(benefit.Name, i, month);
                    count += benefit.Entity.IsPerson ? 1 : simulation.Situation.Persons.Count;
                }
            }

            return count;
        }, count => Interlocked.Add(ref determinations, count));
        stopwatch.Stop();
        var cpuSeconds = (BenchLoad.ProcessCpu() - cpu).TotalSeconds;
        using var process = Process.GetCurrentProcess();
        return new
        {
            households,
            determinations,
            seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 2),
            cpuSeconds = Math.Round(cpuSeconds, 2),
            determinationsPerCpuSecond = Math.Round(determinations / cpuSeconds),
            determinationsPerSecond = Math.Round(determinations / stopwatch.Elapsed.TotalSeconds),
            peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024),
            cores = Environment.ProcessorCount,
        };
    }

    /// <summary>
    /// The column-wise batch core alone: determinations per second over synthetic columns of the given
    /// number of residents (in memory), best of 5 passes after a warm-up, and the CPU seconds a pass costs (both cores).
    /// </summary>
    public static object RunBatchCore(int residents)
    {
        var month = Period.OfMonth(2025, 6);
        var columns = SyntheticColumns(residents, month);
        var cpu = BenchLoad.ProcessCpu();
        var (determinations, best) = EligibilityTools.MeasureBatchCore(columns, month.Start, passes: 5);
        var cpuSecondsPerPass = (BenchLoad.ProcessCpu() - cpu).TotalSeconds / 6; // the warm-up pass and 5 measured

        using var process = Process.GetCurrentProcess();
        return new
        {
            residents, determinations, bestSeconds = Math.Round(best, 3), determinationsPerSecond = Math.Round(determinations / best),
            cpuSecondsPerPass = Math.Round(cpuSecondsPerPass, 3), peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024), cores = Environment.ProcessorCount,
        };
    }

    /// <summary>
    /// The whole proactive pipeline over N seeded residents in the configured database: seed (not timed), then a first
    /// full run (every result new: registries read → match → store 1 result row per resident → queue notices) and a
    /// second one (nothing changed: the nightly steady state), each timed with its CPU time, stages, peak RSS (the
    /// kernel's high-water mark, reset after the seed) and the largest managed heap seen; then the results writer alone.
    /// </summary>
    /// <param name="seeded">The database already holds the residents (a copy of a seeded data directory): skip the seed.</param>
    public static async Task<object> RunProactiveAsync(string[] args, IReadOnlyList<IModule> modules, int residents, bool seeded, CancellationToken ct)
    {
        await using var app = NaraCli.BuildTool([.. args, "--Nara:Eligibility:Schedule=false"], modules);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var seedClock = Stopwatch.StartNew();
        if (!seeded)
        {
            await modules[0].SeedAsync(app.Services, new SeedRequest(residents, 20_251, OnlyIfEmpty: false), ct);
        }

        var seedSeconds = seedClock.Elapsed.TotalSeconds;
        var seedPeak = RunMemory.PeakRssMiB();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var first = await MeasureRunAsync(app.Services, ct);
        var second = await MeasureRunAsync(app.Services, ct);
        var (insert, update) = await EligibilityTools.MeasureResultsWriterAsync(app.Services, residents, ct);
        return new
        {
            residents,
            provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite",
            seedSeconds = seeded ? (double?)null : Math.Round(seedSeconds, 1),
            peakRssMiBDuringSeed = seedPeak,
            firstRun = first,
            secondRun = second,
            resultsWriter = new
            {
                rows = residents,
                insertSeconds = Math.Round(insert, 2),
                insertRowsPerSecond = Math.Round(residents / insert),
                updateSeconds = Math.Round(update, 2),
                updateRowsPerSecond = Math.Round(residents / update),
            },
        };
    }

    private static async Task<object> MeasureRunAsync(IServiceProvider services, CancellationToken ct)
    {
        using var memory = RunMemory.Start();
        var stages = new List<(string Stage, double Seconds)>();
        var stopwatch = Stopwatch.StartNew();
        var progress = new SynchronousProgress(p =>
        {
            lock (stages)
            {
                if (stages.Count == 0 || stages[^1].Stage != p.Stage)
                {
                    stages.Add((p.Stage, stopwatch.Elapsed.TotalSeconds));
                }
            }
        });
        var cpu = BenchLoad.ProcessCpu();
        var run = await EligibilityTools.RunAsync(services, "bench", incremental: false, month: null, progress, ct);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (BenchLoad.ProcessCpu() - cpu).TotalSeconds;
        var (peakRss, peakManaged) = memory.Stop();
        return new
        {
            seconds = Math.Round(seconds, 2),
            cpuSeconds = Math.Round(cpuSeconds, 2),
            stagesStartedAtSeconds = stages.ToDictionary(s => s.Stage, s => Math.Round(s.Seconds, 2)),
            peakRssMiB = peakRss,
            peakManagedHeapMiB = peakManaged,
            run,
        };
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and lose the timing).</summary>
    private sealed class SynchronousProgress(Action<(string Stage, long Done, long Total)> report) : IProgress<(string Stage, long Done, long Total)>
    {
        public void Report((string Stage, long Done, long Total) value) => report(value);
    }

    /// <summary>Households of 1–5 members laid out as the registries' columns, spread over the rules' boundaries.</summary>
    private static PopulationColumns SyntheticColumns(int residents, Period month)
    {
        var households = new List<int>();
        for (int n = 0, total = 0; total < residents; n++)
        {
            var size = Math.Min(1 + n % 5, residents - total);
            households.Add(size);
            total += size;
        }

        var first = new int[households.Count + 1];
        for (var h = 0; h < households.Count; h++)
        {
            first[h + 1] = first[h] + households[h];
        }

        var birth = new int[residents];
        for (var h = 0; h < households.Count; h++)
        {
            for (var m = first[h]; m < first[h + 1]; m++)
            {
                birth[m] = month.Start.AddMonths(-((h * 7 + (m - first[h]) * 131) % 1_000)).DayNumber;
            }
        }

        bool[] Flag(int count, int modulo) => [.. Enumerable.Range(0, count).Select(i => i % modulo == 0)];
        return new PopulationColumns
        {
            HouseholdId = [.. Enumerable.Range(1, households.Count).Select(i => (long)i)],
            FirstMember = first,
            SingleParent = Flag(households.Count, 11),
            RecognisedIncome = [.. Enumerable.Range(0, households.Count).Select(h => h % 53 == 0 ? -1L : (h % 97) * 60_000L)],
            ReceivesMedicalBenefit = Flag(households.Count, 13),
            PaysRent = Flag(households.Count, 3),
            Region = [.. Enumerable.Range(0, households.Count).Select(h => (11 + h % 17).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ResidentId = [.. Enumerable.Range(1, residents).Select(i => (long)i)],
            Birth = birth,
            Female = Flag(residents, 2),
            Married = Flag(residents, 3),
            DisabilitySevere = Flag(residents, 29),
            RegisteredJobseeker = Flag(residents, 17),
            InDaycare = Flag(residents, 5),
            BirthOrder = [.. Enumerable.Range(0, residents).Select(i => 1 + i % 3)],
            Head = [.. Enumerable.Range(0, residents).Select(i => Array.BinarySearch(first, i) >= 0)],
            LicenceRenewalDue = new int[residents],
            PassportExpires = new int[residents],
            Vehicles = [],
        };
    }

    /// <summary>A household shaped by its number: 1–5 members, ages and incomes spread over the rules' boundaries.</summary>
    private static Situation Household(int n, Period month)
    {
        var situation = new Situation();
        var household = situation.AddHousehold($"h{n}");
        household.Set("recognised_income", month, (long)(n % 97) * 60_000);
        household.Set("single_parent", month, n % 11 == 0);
        household.Set("receives_medical_benefit", month, n % 13 == 0);
        household.Set("receives_education_benefit", month, false);
        var size = 1 + n % 5;
        for (var m = 0; m < size; m++)
        {
            var ageMonths = (n * 7 + m * 131) % 1_000;
            var person = situation.AddPerson($"p{n}-{m}")
                .Set("birth", Period.Eternity, month.Start.AddMonths(-ageMonths))
                .Set("birth_order", Period.Eternity, (long)(1 + m % 3));
            foreach (var flag in new[] { "married", "disability_severe", "registered_jobseeker", "pays_rent", "in_daycare", "pregnant" })
            {
                person.Set(flag, month, (n + m + flag.Length) % 7 == 0);
            }

            situation.Join(0, m, ageMonths < 18 * 12 ? Entities.Child : Entities.Adult);
        }

        return situation;
    }
}
