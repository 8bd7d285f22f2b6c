using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Nara.Kernel.Data;

/// <summary>
/// Group commit: concurrent callers queue items; one writer stores whatever is waiting (up to
/// <c>maxBatch</c>) in one transaction — one fsync instead of one per caller — and only then answers
/// them, so an acknowledged item is still durable. A batch the database refuses is stored again one
/// item at a time, so one bad item fails alone. The writer starts with the first item.
/// </summary>
/// <remarks>SQLite has one writer per file: without this, N concurrent callers mean N commits in a row.</remarks>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _storeBatch;
    private readonly Func<TItem, Task<TResult>> _storeOne;
    private readonly Action? _afterBatch;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly Lazy<Task> _writer;
    private readonly KeyValuePair<string, object?> _name;

    /// <param name="storeBatch">Stores all items in one transaction, or throws and stores none.</param>
    /// <param name="storeOne">Stores one item in its own transaction (after a refused batch).</param>
    /// <param name="afterBatch">Runs after each batch, e.g. to wake a dispatcher.</param>
    public GroupCommit(
        Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> storeBatch,
        Func<TItem, Task<TResult>> storeOne,
        ILogger logger,
        int maxBatch = 256,
        Action? afterBatch = null,
        string? name = null)
    {
        _name = new("nara.group_commit.name", name ?? typeof(TItem).Name);
        _storeBatch = storeBatch;
        _storeOne = storeOne;
        _logger = logger;
        _maxBatch = maxBatch;
        _afterBatch = afterBatch;
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Queues the item and waits until it is committed. Cancelling stops the wait, not the store.</summary>
    public Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        _ = _writer.Value;
        var pending = new Pending(item);
        if (!_channel.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The group commit is shutting down.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
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
        var batch = new List<Pending>(_maxBatch);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            var started = Stopwatch.GetTimestamp();
            GroupCommitMetrics.QueueWait.Record(Stopwatch.GetElapsedTime(batch[0].Queued, started).TotalMilliseconds, _name);
            GroupCommitMetrics.BatchSize.Record(batch.Count, _name);
            await StoreAsync(batch);
            GroupCommitMetrics.StoreTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, _name);
            _afterBatch?.Invoke();
        }
    }

    private async Task StoreAsync(List<Pending> batch)
    {
        try
        {
            var results = await _storeBatch([.. batch.Select(p => p.Item)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _logger.LogDebug(ex, "A batch of {Count} was refused; storing the items one by one", batch.Count);
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                pending.Completion.TrySetResult(await _storeOne(pending.Item));
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Storing one item of a refused batch failed");
                pending.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public long Queued { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
