using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Batch;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using Nara.Eligibility.Rules;
using Nara.Registries.Contracts;

namespace Nara.Eligibility;

/// <summary>What the host's CLI (`nara eligibility run`, `nara bench eligibility`) may ask of the module.</summary>
public static class EligibilityTools
{
    /// <returns>The run's summary, or null when another host is running proactive matching now (nothing done).</returns>
    /// <exception cref="ArgumentException">The month is not year-month (2026-03).</exception>
    public static async Task<RunSummary?> RunAsync(IServiceProvider services, string trigger, bool incremental, string? month,
        IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        Period? period = null;
        if (month is not null)
        {
            if (!Period.TryParse(month, out var parsed) || parsed.Unit != PeriodUnit.Month)
            {
                throw new ArgumentException("The month must be year-month, like 2026-03.", nameof(month));
            }

            period = parsed;
        }

        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunMatching>().RunAsync(trigger, incremental, period, progress, cancellationToken);
    }

    /// <summary>
    /// The proactive run's results writer alone: <paramref name="rows"/> result rows upserted into an empty
    /// <c>eligibility_results</c> in chunks of 10,000, each chunk one transaction as in a run (inserts), then the same
    /// rows again with other results (updates). Returns (insert seconds, update seconds); the rows are deleted after.
    /// </summary>
    public static async Task<(double Insert, double Update)> MeasureResultsWriterAsync(IServiceProvider services, int rows, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.EligibilityDbContext>();
        await db.Results.ExecuteDeleteAsync(cancellationToken);
        var writer = Data.ResultsBulkWriter.For(db);
        async Task<double> PassAsync(string results)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var bytes = System.Text.Encoding.ASCII.GetBytes(results);
            var chunk = new Data.ResultRows(10_000, bytes.Length, "2026-03");
            for (var from = 0; from < rows; from += 10_000)
            {
                chunk.Clear();
                for (var i = from; i < Math.Min(from + 10_000, rows); i++)
                {
                    chunk.Add(i + 1, (i / 3) + 1, bytes);
                }

                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await writer.UpsertAsync(chunk, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return stopwatch.Elapsed.TotalSeconds;
        }

        var insert = await PassAsync("NNNNNNNNNNNN");
        var update = await PassAsync("YNNN?NNNYNNN");
        await db.Results.ExecuteDeleteAsync(cancellationToken);
        return (insert, update);
    }

    /// <summary>The batch core over in-memory columns: (determinations, best seconds of the passes) after one warm-up pass.</summary>
    public static (long Determinations, double Seconds) MeasureBatchCore(PopulationColumns population, DateOnly month, int passes)
    {
        var rules = NaraRules.Create();
        var period = Period.OfMonth(month);
        var input = BatchInput.FromRegistries(population);
        var determinations = BatchEngine.Evaluate(rules, input, period).Determinations;
        var best = double.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            BatchEngine.Evaluate(rules, input, period);
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }

        return (determinations, best);
    }
}
