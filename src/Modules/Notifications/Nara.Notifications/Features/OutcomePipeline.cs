using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nara.Kernel.Data;

namespace Nara.Notifications.Features;

/// <summary>
/// Group commit of delivery outcomes: the dispatcher's parallel sends record their outcomes together,
/// one transaction per group instead of one per message, while each send still waits for its own
/// outcome to be durable before the next claim (so a crash re-sends at most what was in flight).
/// A refused group is recorded one outcome at a time, with retries: the message has gone out, and a
/// busy database must not make it go out again.
/// </summary>
internal sealed class OutcomePipeline : IAsyncDisposable
{
    private readonly GroupCommit<OutcomeItem, bool> _commit;

    public OutcomePipeline(IServiceScopeFactory scopes, ILogger<OutcomePipeline> logger)
    {
        _commit = new GroupCommit<OutcomeItem, bool>(
            async items =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<RecordOutcome>().RecordBatchAsync(items, CancellationToken.None);
            },
            item => RecordOneAsync(scopes, logger, item),
            logger,
            name: "notifications.outcome");
    }

    public Task<bool> RecordAsync(OutcomeItem item) => _commit.EnqueueAsync(item, CancellationToken.None);

    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    private static async Task<bool> RecordOneAsync(IServiceScopeFactory scopes, ILogger logger, OutcomeItem item)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<RecordOutcome>().RecordAsync(item.Message, item.Owner, item.Outcome, CancellationToken.None);
            }
            catch (System.Data.Common.DbException ex) when (attempt < 5)
            {
                logger.LogWarning(ex, "Recording the outcome of message {Id} failed (attempt {Attempt}); retrying", item.Message.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), CancellationToken.None);
            }
        }
    }
}
