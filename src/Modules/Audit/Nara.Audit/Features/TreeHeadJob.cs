using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nara.Audit.Features;

/// <summary>
/// Signs a tree head at start (completing whatever a crash left unsigned), then every HeadEverySeconds
/// or as soon as HeadEveryEntries entries are waiting.
/// </summary>
internal sealed class TreeHeadJob(
    IServiceScopeFactory scopes,
    TreeHeadSignal signal,
    IOptions<AuditOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<TreeHeadJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start before the host's start-up tasks have migrated the database.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.HeadEverySeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SignTreeHead>().SignAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Signing an audit tree head failed; retrying at the next interval");
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = signal.WaitAsync(wait.Token).AsTask();
            var elapsed = Task.Delay(period, clock, wait.Token);
            await Task.WhenAny(woken, elapsed);
            await wait.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }
}
