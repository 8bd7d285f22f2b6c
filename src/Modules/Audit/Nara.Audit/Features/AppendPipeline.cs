using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Audit.Contracts;
using Nara.Audit.Domain;

namespace Nara.Audit.Features;

/// <summary>
/// Group commit: callers queue entries on a channel; one writer takes whatever is waiting (up to
/// MaxBatch), commits it in one transaction and only then completes the callers' tasks. Started on the
/// first append, so CLI verbs that never start hosted services can append too.
/// </summary>
internal sealed class AppendPipeline : IAsyncDisposable
{
    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly TreeHeadSignal _signal;
    private readonly ILogger<AppendPipeline> _logger;
    private readonly int _maxBatch;
    private readonly Lazy<Task> _writer;
    private readonly AppendBatch _state = new();

    public AppendPipeline(IServiceScopeFactory scopes, TreeHeadSignal signal, IOptions<AuditOptions> options, ILogger<AppendPipeline> logger)
    {
        _scopes = scopes;
        _signal = signal;
        _logger = logger;
        _maxBatch = Math.Max(1, options.Value.MaxBatch);
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<AuditReceipt> EnqueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, new TaskCompletionSource<AuditReceipt>(TaskCreationOptions.RunContinuationsAsynchronously));
        _ = _writer.Value;
        if (!_channel.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit log is shutting down.");
        }

        // Cancelling stops the wait, not the append: once queued, the entry is written.
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

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var receipts = await _state.CommitAsync(scope.ServiceProvider, batch.Select(p => p.Record).ToList(), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(receipts[i]);
                }

                _signal.Appended(batch.Count);
                _logger.LogDebug("Committed {Count} audit entries in {Elapsed} ms", batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Committing {Count} audit entries failed; none was written", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource<AuditReceipt> Completion);
}
