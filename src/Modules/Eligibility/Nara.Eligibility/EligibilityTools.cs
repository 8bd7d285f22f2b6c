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
