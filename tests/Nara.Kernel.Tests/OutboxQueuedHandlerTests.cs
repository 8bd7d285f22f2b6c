using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Testing;

namespace Nara.Kernel.Tests;

public sealed record ManyHappened(string What) : IIntegrationEvent;

public sealed record OtherHappened(string What) : IIntegrationEvent;

/// <summary>
/// Queues like Audit does: a call is recorded at once; its task completes only when the test's gate opens (or fails
/// when told to, or when the gate never opens), so a dispatcher that awaited each call before the next would stall.
/// </summary>
public sealed class QueueingHandler(HandlerJournal journal) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<ManyHappened>,
    IIntegrationEventHandler<OtherHappened>
{
    public Task HandleAsync(IntegrationEventEnvelope<ManyHappened> envelope, CancellationToken cancellationToken) => Queue(envelope.Event.What);

    public Task HandleAsync(IntegrationEventEnvelope<OtherHappened> envelope, CancellationToken cancellationToken) => Queue(envelope.Event.What);

    private Task Queue(string what)
    {
        if (journal.ThrowAtCall.Contains(what))
        {
            throw new InvalidOperationException($"refused {what} at once");
        }

        journal.Calls.Enqueue($"queued {what}");
        return WaitForGateAsync(what);
    }

    private async Task WaitForGateAsync(string what)
    {
        await journal.Gate.Task.WaitAsync(TimeSpan.FromSeconds(10));
        if (journal.FailLater.Contains(what))
        {
            throw new InvalidOperationException($"could not commit {what}");
        }
    }
}

/// <summary>An ordinary handler: awaited before the dispatcher goes on.</summary>
public sealed class PlainHandler(HandlerJournal journal) : IIntegrationEventHandler<OtherHappened>
{
    public Task HandleAsync(IntegrationEventEnvelope<OtherHappened> envelope, CancellationToken cancellationToken)
    {
        journal.Calls.Enqueue($"plain {envelope.Event.What}");
        return Task.CompletedTask;
    }
}

public sealed class HandlerJournal
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public TaskCompletionSource Gate { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HashSet<string> ThrowAtCall { get; } = [];

    public HashSet<string> FailLater { get; } = [];

    /// <summary>Opens the gate once every expected call has been made, from a task the dispatcher does not wait for.</summary>
    public void OpenWhenCalled(int calls)
    {
        Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = Gate;
        _ = Task.Run(async () =>
        {
            while (Calls.Count < calls)
            {
                await Task.Delay(5);
            }

            gate.TrySetResult();
        });
    }
}

public sealed class OutboxQueuedFactory : ManualOutboxFactory
{
    public HandlerJournal Journal { get; } = new();

    protected override void AddHandlers(IServiceCollection services)
    {
        services.AddSingleton(Journal);
        services.AddIntegrationEventHandler<ManyHappened, QueueingHandler>();
        services.AddIntegrationEventHandler<OtherHappened, QueueingHandler>();
        services.AddIntegrationEventHandler<OtherHappened, PlainHandler>();
    }
}

public sealed class OutboxQueuedHandlerTests(OutboxQueuedFactory factory) : IClassFixture<OutboxQueuedFactory>
{
    [Fact]
    public async Task A_queued_handler_gets_the_whole_run_of_any_types_before_its_first_task_completes_and_every_message_is_marked_delivered()
    {
        factory.Journal.Calls.Clear();
        IIntegrationEvent[] events = [new ManyHappened("a-1"), new OtherHappened("a-2"), new ManyHappened("a-3"), new ManyHappened("a-4")];
        // Five calls: the plain handler takes a-2 too. A dispatcher that waited for a-1's task before a-2 would never get there.
        factory.Journal.OpenWhenCalled(5);
        await PublishAsync(events);

        await factory.DrainOutboxAsync();

        foreach (var row in await RowsAsync("a-"))
        {
            Assert.NotNull(row.DispatchedAt);
            Assert.Equal(1, row.Attempts);
            Assert.Null(row.LastError);
        }
    }

    [Fact]
    public async Task Handlers_are_called_in_the_order_of_occurrence_and_each_message_s_handlers_in_registration_order()
    {
        factory.Journal.Calls.Clear();
        factory.Journal.OpenWhenCalled(5);
        await PublishAsync([new ManyHappened("b-1"), new OtherHappened("b-2"), new ManyHappened("b-3"), new ManyHappened("b-4")]);

        await factory.DrainOutboxAsync();

        Assert.Equal(["queued b-1", "queued b-2", "plain b-2", "queued b-3", "queued b-4"], factory.Journal.Calls.Where(c => c.Contains(" b-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_queued_task_that_fails_leaves_only_its_message_for_a_later_retry_with_the_reason()
    {
        factory.Journal.Calls.Clear();
        factory.Journal.FailLater.Add("c-2");
        factory.Journal.OpenWhenCalled(3);
        await PublishAsync([new ManyHappened("c-1"), new ManyHappened("c-2"), new ManyHappened("c-3")]);

        await factory.DrainOutboxAsync();

        var rows = await RowsAsync("c-");
        var failed = Assert.Single(rows, r => r.Payload.Contains("\"c-2\"", StringComparison.Ordinal));
        Assert.Null(failed.DispatchedAt);
        Assert.Equal("could not commit c-2", failed.LastError);
        Assert.True(failed.NextAttemptAt > factory.Clock.GetUtcNow());
        Assert.All(rows.Where(r => r != failed), r => Assert.NotNull(r.DispatchedAt));
    }

    [Fact]
    public async Task A_handler_that_throws_at_once_fails_its_message_and_the_others_are_still_delivered()
    {
        factory.Journal.Calls.Clear();
        factory.Journal.ThrowAtCall.Add("d-1");
        factory.Journal.OpenWhenCalled(1);
        await PublishAsync([new ManyHappened("d-1"), new ManyHappened("d-2")]);

        await factory.DrainOutboxAsync();

        var rows = await RowsAsync("d-");
        var failed = Assert.Single(rows, r => r.Payload.Contains("\"d-1\"", StringComparison.Ordinal));
        Assert.Null(failed.DispatchedAt);
        Assert.Equal("refused d-1 at once", failed.LastError);
        Assert.NotNull(Assert.Single(rows, r => r != failed).DispatchedAt);
    }

    private async Task PublishAsync(IIntegrationEvent[] events)
    {
        using var scope = factory.Services.CreateScope();
        var db = ManualOutboxFactory.AnyModuleDb(scope);
        var at = factory.Clock.GetUtcNow();
        // Milliseconds apart, not ticks: PostgreSQL keeps microseconds, so ticks apart would be the same instant there.
        for (var i = 0; i < events.Length; i++)
        {
            switch (events[i])
            {
                case ManyHappened many:
                    db.Publish(many, at.AddMilliseconds(i - events.Length));
                    break;
                case OtherHappened other:
                    db.Publish(other, at.AddMilliseconds(i - events.Length));
                    break;
            }
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<OutboxMessage>> RowsAsync(string prefix)
    {
        using var scope = factory.Services.CreateScope();
        string[] types = [typeof(ManyHappened).FullName!, typeof(OtherHappened).FullName!];
        var rows = await ManualOutboxFactory.AnyModuleDb(scope).OutboxMessages.AsNoTracking().Where(m => types.Contains(m.Type)).ToListAsync();
        var mine = rows.Where(r => r.Payload.Contains($"\"{prefix}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mine);
        return mine;
    }
}
