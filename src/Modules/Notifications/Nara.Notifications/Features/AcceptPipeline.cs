using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nara.Notifications.Features;

/// <summary>One accepted send waiting to be stored, and the caller waiting for it.</summary>
internal sealed record AcceptItem(SendCaller Caller, string IdempotencyKey, Domain.NotificationTemplate Template, IReadOnlyList<ComposedMessage> Composed)
{
    public TaskCompletionSource<Acceptance> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for single sends, as the Audit module's AppendPipeline: concurrent requests queue their
/// sends; one writer stores whatever is waiting (up to MaxBatch) in one transaction — one fsync instead of
/// one per request — and only then answers the callers, so an acknowledged send is still durable. A batch
/// the database refuses (two requests racing with the same idempotency key) is stored again one send per
/// transaction, where the loser finds the winner's messages. Started on the first send.
/// </summary>
internal sealed class AcceptPipeline : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<AcceptItem> _channel = Channel.CreateUnbounded<AcceptItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly DispatchSignal _signal;
    private readonly ILogger<AcceptPipeline> _logger;
    private readonly Lazy<Task> _writer;

    public AcceptPipeline(IServiceScopeFactory scopes, DispatchSignal signal, ILogger<AcceptPipeline> logger)
    {
        _scopes = scopes;
        _signal = signal;
        _logger = logger;
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<Acceptance> EnqueueAsync(AcceptItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        _ = _writer.Value;
        if (!_channel.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("Notifications is shutting down.");
        }

        // Cancelling stops the wait, not the store: once queued, the send is stored (its key makes a retry safe).
        return item.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AcceptItem>(MaxBatch);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await StoreAsync(batch);
            _signal.Notify();
        }
    }

    private async Task StoreAsync(List<AcceptItem> batch)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var results = await scope.ServiceProvider.GetRequiredService<AcceptSend>().StoreBatchAsync(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _logger.LogDebug(ex, "A batch of {Count} sends was refused; storing them one by one", batch.Count);
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
            return;
        }

        foreach (var item in batch)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                item.Completion.TrySetResult(await scope.ServiceProvider.GetRequiredService<AcceptSend>().StoreOneAsync(item, CancellationToken.None));
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Storing a send for {Client} failed; nothing was queued", item.Caller.ClientId);
                item.Completion.TrySetException(ex);
            }
        }
    }
}
