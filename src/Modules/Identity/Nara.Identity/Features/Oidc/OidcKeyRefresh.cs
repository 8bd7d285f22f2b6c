using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nara.Identity.Data;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Several hosts share one database: when another host (or the CLI) rotates the keys, this one notices within
/// a few minutes and rebuilds OpenIddict's options, so every host signs with the new key and accepts the old.
/// </summary>
internal sealed partial class OidcKeyRefresh(IServiceScopeFactory scopes, OidcOptionsReset reset, TimeProvider clock, ILogger<OidcKeyRefresh> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? seen = null;
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                var ids = await db.OidcKeys.AsNoTracking().Where(k => k.RetiredAt == null).Select(k => k.Id).OrderBy(id => id).ToListAsync(stoppingToken);
                var current = string.Join(' ', ids);
                if (seen is not null && current != seen)
                {
                    LogRotated(logger, current);
                    reset.Reset();
                }

                seen = current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "OIDC keys changed ({Keys}); reloading them")]
    private static partial void LogRotated(ILogger logger, string keys);

    [LoggerMessage(LogLevel.Warning, "Could not check the OIDC keys for rotation")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
