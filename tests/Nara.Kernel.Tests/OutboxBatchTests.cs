using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Testing;

namespace Nara.Kernel.Tests;

public sealed record ManyHappened(string What) : IIntegrationEvent;

/// <summary>Takes batches; remembers each batch and each single delivery; can be told to fail a batch.</summary>
public sealed class BatchRecordingHandler(BatchDeliveries deliveries) : IIntegrationEventBatchHandler<ManyHappened>
{
    public Task HandleAsync(IntegrationEventEnvelope<ManyHappened> envelope, CancellationToken cancellationToken)
    {
        deliveries.Singles.Add(envelope.Event.What);
        return Task.CompletedTask;
    }

    public Task HandleBatchAsync(IReadOnlyList<IntegrationEventEnvelope<ManyHappened>> envelopes, CancellationToken cancellationToken)
    {
        if (deliveries.FailNextBatch > 0)
        {
            deliveries.FailNextBatch--;
            throw new InvalidOperationException("subscriber cannot take batches right now");
        }

        deliveries.Batches.Add([.. envelopes.Select(e => e.Event.What)]);
        return Task.CompletedTask;
    }
}

public sealed class BatchDeliveries
{
    public List<List<string>> Batches { get; } = [];

    public List<string> Singles { get; } = [];

    public int FailNextBatch { get; set; }
}

public sealed class OutboxBatchFactory : NaraFactory
{
    public OutboxBatchFactory()
    {
        Residents = 0;
        With("Nara:Outbox:DispatchInBackground", "false");
    }

    public BatchDeliveries Deliveries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton(Deliveries);
            s.AddIntegrationEventHandler<ManyHappened, BatchRecordingHandler>();
        });
    }
}

public sealed class OutboxBatchTests(OutboxBatchFactory factory) : IClassFixture<OutboxBatchFactory>
{
    [Fact]
    public async Task Consecutive_events_for_a_batch_handler_arrive_together_in_order_and_are_marked_delivered()
    {
        var names = await PublishAsync("a", 3);
        await factory.DrainOutboxAsync();

        Assert.Contains(factory.Deliveries.Batches, b => b.SequenceEqual(names));
        Assert.DoesNotContain(factory.Deliveries.Singles, s => names.Contains(s));
        foreach (var row in await RowsAsync(names))
        {
            Assert.NotNull(row.DispatchedAt);
            Assert.Equal(1, row.Attempts);
        }
    }

    [Fact]
    public async Task A_failed_batch_is_delivered_again_one_message_at_a_time_each_once()
    {
        var names = await PublishAsync("b", 3);
        factory.Deliveries.FailNextBatch = 1;
        await factory.DrainOutboxAsync();

        Assert.DoesNotContain(factory.Deliveries.Batches, b => b.Intersect(names).Any());
        foreach (var name in names)
        {
            Assert.Single(factory.Deliveries.Singles, s => s == name);
        }

        foreach (var row in await RowsAsync(names))
        {
            Assert.NotNull(row.DispatchedAt);
            Assert.Equal(1, row.Attempts);
            Assert.Null(row.LastError);
        }
    }

    [Fact]
    public async Task Another_event_between_them_keeps_the_order_of_occurrence()
    {
        var at = factory.Clock.GetUtcNow();
        using (var scope = factory.Services.CreateScope())
        {
            var db = AnyModuleDb(scope);
            db.Publish(new ManyHappened("c-1"), at.AddMilliseconds(-4));
            db.Publish(new ManyHappened("c-2"), at.AddMilliseconds(-3));
            db.Publish(new SomethingElse("between"), at.AddMilliseconds(-2));
            db.Publish(new ManyHappened("c-3"), at.AddMilliseconds(-1));
            await db.SaveChangesAsync();
        }

        await factory.DrainOutboxAsync();

        Assert.Contains(factory.Deliveries.Batches, b => b.SequenceEqual(["c-1", "c-2"]));
        Assert.Single(factory.Deliveries.Singles, s => s == "c-3");
    }

    private async Task<List<string>> PublishAsync(string prefix, int count)
    {
        var names = Enumerable.Range(1, count).Select(i => $"{prefix}-{i}").ToList();
        using var scope = factory.Services.CreateScope();
        var db = AnyModuleDb(scope);
        var at = factory.Clock.GetUtcNow();
        // Milliseconds apart, not ticks: PostgreSQL keeps microseconds, so ticks apart would be the same instant there.
        for (var i = 0; i < names.Count; i++)
        {
            db.Publish(new ManyHappened(names[i]), at.AddMilliseconds(i - names.Count));
        }

        await db.SaveChangesAsync();
        return names;
    }

    private async Task<List<OutboxMessage>> RowsAsync(List<string> names)
    {
        using var scope = factory.Services.CreateScope();
        var rows = await AnyModuleDb(scope).OutboxMessages.AsNoTracking().Where(m => m.Type == typeof(ManyHappened).FullName).ToListAsync();
        return [.. rows.Where(r => names.Any(n => r.Payload.Contains($"\"{n}\"", StringComparison.Ordinal)))];
    }

    private static ModuleDbContext AnyModuleDb(IServiceScope scope)
    {
        var registration = scope.ServiceProvider.GetServices<ModuleDbContextRegistration>().First();
        return (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
    }
}

/// <summary>An event nobody handles: only there to sit between others in the outbox.</summary>
public sealed record SomethingElse(string What) : IIntegrationEvent;
