using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;

namespace Nara.Eligibility;

/// <summary>What the host's CLI (`nara eligibility run`, `nara bench eligibility`) may ask of the module.</summary>
public static class EligibilityTools
{
    /// <returns>The run's summary, or null when the month is not year-month.</returns>
    public static async Task<RunSummary?> RunAsync(IServiceProvider services, string trigger, bool incremental, string? month,
        IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        Period? period = null;
        if (month is not null)
        {
            if (!Period.TryParse(month, out var parsed) || parsed.Unit != PeriodUnit.Month)
            {
                return null;
            }

            period = parsed;
        }

        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunMatching>().RunAsync(trigger, incremental, period, progress, cancellationToken);
    }
}
