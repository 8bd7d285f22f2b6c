using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Testing;

namespace Nara.Kernel.Tests;

public sealed record SomethingHappened(string What) : IIntegrationEvent;

/// <summary>Remembers deliveries; can be told to fail, to show retries.</summary>
public sealed class RecordingHandler(Deliveries deliveries) : IIntegrationEventHandler<SomethingHappened>
{
    public Task HandleAsync(IntegrationEventEnvelope<SomethingHappened> envelope, CancellationToken cancellationToken)
    {
        if (deliveries.FailNext > 0)
        {
            deliveries.FailNext--;
            throw new InvalidOperationException("subscriber is down");
        }

        deliveries.Received.Add((envelope.MessageId, envelope.Event.What));
        return Task.CompletedTask;
    }
}

public sealed class Deliveries
{
    public List<(Guid Id, string What)> Received { get; } = [];

    public int FailNext { get; set; }
}

public sealed class OutboxFactory : ManualOutboxFactory
{
    public Deliveries Deliveries { get; } = new();

    protected override void AddHandlers(IServiceCollection services)
    {
        services.AddSingleton(Deliveries);
        services.AddIntegrationEventHandler<SomethingHappened, RecordingHandler>();
    }
}

public sealed class OutboxTests(OutboxFactory factory) : IClassFixture<OutboxFactory>
{
    [Fact]
    public async Task An_event_saved_with_a_change_is_delivered_to_its_subscriber_after_commit()
    {
        await PublishAsync("committed");
        await factory.DrainOutboxAsync();
        Assert.Contains(factory.Deliveries.Received, d => d.What == "committed");
    }

    [Fact]
    public async Task An_event_whose_transaction_rolls_back_is_never_delivered()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = ManualOutboxFactory.AnyModuleDb(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Publish(new SomethingHappened("rolled-back"), factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await factory.DrainOutboxAsync();
        Assert.DoesNotContain(factory.Deliveries.Received, d => d.What == "rolled-back");
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_a_back_off_and_then_succeeds()
    {
        factory.Deliveries.FailNext = 1;
        await PublishAsync("retried");
        await factory.DrainOutboxAsync();
        Assert.DoesNotContain(factory.Deliveries.Received, d => d.What == "retried");

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.DrainOutboxAsync();
        Assert.Single(factory.Deliveries.Received, d => d.What == "retried");
        using var scope = factory.Services.CreateScope();
        var row = await ManualOutboxFactory.AnyModuleDb(scope).OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload.Contains("retried"));
        Assert.Equal(2, row.Attempts);
        Assert.NotNull(row.DispatchedAt);
    }

    [Fact]
    public async Task Marking_a_message_processed_twice_reports_the_duplicate()
    {
        var id = Guid.NewGuid();
        using var scope = factory.Services.CreateScope();
        var db = ManualOutboxFactory.AnyModuleDb(scope);
        Assert.True(await db.MarkProcessedAsync(id, "handler", factory.Clock.GetUtcNow(), default));
        await db.SaveChangesAsync();
        Assert.False(await db.MarkProcessedAsync(id, "handler", factory.Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task An_empty_poll_does_not_wake_the_dispatcher_again()
    {
        await factory.DrainOutboxAsync();
        var signal = factory.Services.GetRequiredService<OutboxSignal>();
        // Take any wake-up that earlier writes left, so only the poll below could leave a new one.
        await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.Equal(0, await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None));

        // A wake-up here would send the background loop straight into the next poll: an idle host spinning.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        Assert.True(waited.ElapsedMilliseconds >= 400, $"The poll woke the dispatcher after {waited.ElapsedMilliseconds} ms.");
    }

    private async Task PublishAsync(string what)
    {
        using var scope = factory.Services.CreateScope();
        var db = ManualOutboxFactory.AnyModuleDb(scope);
        db.Publish(new SomethingHappened(what), factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
