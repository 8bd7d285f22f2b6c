using Microsoft.Extensions.Logging.Abstractions;
using Nara.Kernel.Data;

namespace Nara.Kernel.Tests;

public class GroupCommitTests
{
    [Fact]
    public async Task Items_queued_while_a_batch_is_being_stored_are_stored_together_in_the_next_one()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int>();
        await using var commit = new GroupCommit<int, int>(
            async items =>
            {
                lock (batches)
                {
                    batches.Add(items.Count);
                }

                await gate.Task;
                return [.. items.Select(i => i * 10)];
            },
            i => Task.FromResult(i * 10),
            NullLogger.Instance);

        var first = commit.EnqueueAsync(0, CancellationToken.None);
        while (batches.Count == 0)
        {
            await Task.Delay(5);
        }

        var rest = Enumerable.Range(1, 50).Select(i => commit.EnqueueAsync(i, CancellationToken.None)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(rest.Prepend(first));

        Assert.Equal(Enumerable.Range(0, 51).Select(i => i * 10), results);
        Assert.Equal([1, 50], batches);
    }

    [Fact]
    public async Task A_refused_batch_is_stored_one_by_one_so_only_the_bad_item_fails()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var commit = new GroupCommit<int, int>(
            async items =>
            {
                started.TrySetResult();
                await gate.Task;
                return items.Contains(13) ? throw new InvalidOperationException("refused") : [.. items];
            },
            i => i == 13 ? throw new InvalidOperationException("bad item") : Task.FromResult(i),
            NullLogger.Instance);

        var first = commit.EnqueueAsync(1, CancellationToken.None);
        await started.Task;
        var good = commit.EnqueueAsync(12, CancellationToken.None);
        var bad = commit.EnqueueAsync(13, CancellationToken.None);
        var other = commit.EnqueueAsync(14, CancellationToken.None);
        gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(12, await good);
        Assert.Equal(14, await other);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("bad item", ex.Message);
    }
}
