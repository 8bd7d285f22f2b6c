using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nara.Eligibility.Data;
using Nara.Kernel.Time;

namespace Nara.Eligibility.Features;

/// <summary>
/// Runs matching in the background: a full run once a night (after 02:00 Korean time, once per Korean
/// day) and, every minute, an incremental run when registry events queued households. A run already in
/// progress makes this one wait for the next tick: on PostgreSQL another host holding the run's advisory lock
/// (MatchingLeader), on SQLite a run started within the hour and unfinished.
/// </summary>
internal sealed partial class MatchingScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MatchingScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>One scheduling decision: nightly full run due, else queued households, else nothing.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EligibilityDbContext>();
        var now = clock.GetUtcNow();
        // PostgreSQL: RunMatching's advisory lock makes one host the leader. SQLite: a run started within the hour and unfinished.
        if (!db.Database.IsNpgsql() && await db.Runs.AnyAsync(r => r.FinishedAt == null && r.StartedAt > now.AddHours(-1), cancellationToken))
        {
            return;
        }

        var local = KoreaTime.ToSeoul(now);
        var startOfDay = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
        var run = scope.ServiceProvider.GetRequiredService<RunMatching>();
        if (local.Hour >= 2 && !await db.Runs.AnyAsync(r => r.Kind == "full" && r.StartedAt >= startOfDay, cancellationToken))
        {
            await run.RunAsync("nightly", incremental: false, month: null, progress: null, cancellationToken);
        }
        else if (await db.Pending.AnyAsync(cancellationToken))
        {
            await run.RunAsync("registry-change", incremental: true, month: null, progress: null, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Eligibility matching run failed; the next tick retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
