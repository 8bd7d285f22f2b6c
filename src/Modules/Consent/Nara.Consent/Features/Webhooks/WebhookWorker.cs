using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// The background worker that sends webhook deliveries (and runs due MyData transfers), polling every few seconds
/// on the injected clock. Tests switch it off (<c>Nara:Consent:Webhooks:DeliverInBackground=false</c>) and call
/// <see cref="DeliverWebhooks.DeliverDueAsync"/> themselves.
/// </summary>
internal sealed partial class WebhookWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<WebhookWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Nara:Consent:Webhooks:DeliverInBackground", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(Poll, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deliver = scope.ServiceProvider.GetRequiredService<DeliverWebhooks>();
                while (await deliver.DeliverDueAsync(stoppingToken) > 0)
                {
                }

                await scope.ServiceProvider.GetRequiredService<MyData.RunDueTransfers>().ExecuteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Consent webhook delivery failed; the next poll retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
