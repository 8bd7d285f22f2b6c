using System.Diagnostics;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Rules;

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
        using var process = Process.GetCurrentProcess();
        return new
        {
            households,
            determinations,
            seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 2),
            determinationsPerSecond = Math.Round(determinations / stopwatch.Elapsed.TotalSeconds),
            peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024),
            cores = Environment.ProcessorCount,
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
