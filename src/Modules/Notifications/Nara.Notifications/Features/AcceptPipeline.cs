using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nara.Kernel.Data;

namespace Nara.Notifications.Features;

/// <summary>One accepted send waiting to be stored.</summary>
internal sealed record AcceptItem(SendCaller Caller, string IdempotencyKey, Domain.NotificationTemplate Template, IReadOnlyList<ComposedMessage> Composed);

/// <summary>
/// Group commit for single sends (as the Audit module's AppendPipeline): the sends of concurrent requests
/// are stored in one transaction and each request is answered only after that commit. A batch the
/// database refuses (two requests racing with the same idempotency key) is stored again one send per
/// transaction, where the loser finds the winner's messages.
/// </summary>
internal sealed class AcceptPipeline : IAsyncDisposable
{
    private readonly GroupCommit<AcceptItem, Acceptance> _commit;

    public AcceptPipeline(IServiceScopeFactory scopes, DispatchSignal signal, ILogger<AcceptPipeline> logger)
    {
        _commit = new GroupCommit<AcceptItem, Acceptance>(
            async items =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<AcceptSend>().StoreBatchAsync(items, CancellationToken.None);
            },
            async item =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<AcceptSend>().StoreOneAsync(item, CancellationToken.None);
            },
            logger,
            afterBatch: signal.Notify,
            name: "notifications.accept");
    }

    /// <summary>Cancelling stops the wait, not the store: once queued, the send is stored (its key makes a retry safe).</summary>
    public Task<Acceptance> EnqueueAsync(AcceptItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _commit.EnqueueAsync(item, cancellationToken);
    }

    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}
