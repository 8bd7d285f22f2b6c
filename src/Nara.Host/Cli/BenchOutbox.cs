using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Data;

namespace Nara.Host.Cli;

/// <summary>
/// Waits until every module's outbox is delivered (Audit has appended what a phase published), so the next phase does
/// not share the CPU with the previous one's background work, and the catch-up can be reported.
/// </summary>
internal static class BenchOutbox
{
    public static async Task<TimeSpan> WaitDrainedAsync(IServiceProvider services, TimeSpan timeout, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (await PendingAsync(services, ct) > 0)
        {
            if (waited.Elapsed > timeout)
            {
                throw new InvalidOperationException($"The outboxes were not delivered within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(10, ct);
        }

        return waited.Elapsed;
    }

    private static async Task<int> PendingAsync(IServiceProvider services, CancellationToken ct)
    {
        var pending = 0;
        foreach (var registration in services.GetServices<ModuleDbContextRegistration>())
        {
            await using var scope = services.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            pending += await db.OutboxMessages.CountAsync(m => m.DispatchedAt == null, ct);
        }

        return pending;
    }
}
