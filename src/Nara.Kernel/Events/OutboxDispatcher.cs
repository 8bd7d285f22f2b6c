using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nara.Kernel.Data;

namespace Nara.Kernel.Events;

/// <summary>
/// Delivers committed outbox messages to their subscribers, in order of occurrence, at least once.
/// A failed delivery is retried with exponential back-off; the message stays in the table as the record.
/// With PostgreSQL several hosts may run this: a transaction-scoped advisory lock per module makes one of
/// them deliver at a time. Handlers that queue their work (<see cref="IQueuedIntegrationEventHandler"/>) are
/// handed a whole batch before it is awaited, so the batch shares their commits.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceProvider services,
    OutboxSignal signal,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly ActivitySource Activity = new("Nara.Kernel.Outbox");
    private static readonly ConcurrentDictionary<Type, EventDelivery> Deliveries = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tests that must control delivery order switch the background loop off and call DispatchOnceAsync.
        if (!configuration.GetValue("Nara:Outbox:DispatchInBackground", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying at the next poll");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    /// <summary>Delivers one batch per module; returns how many messages were handled (tests call it directly).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var subscriptions = services.GetServices<EventSubscription>()
            .GroupBy(s => s.EventType.FullName!)
            .ToDictionary(g => g.Key, g => g.First().EventType);
        var handled = 0;
        foreach (var registration in services.GetServices<ModuleDbContextRegistration>())
        {
            handled += await DispatchModuleAsync(registration, subscriptions, cancellationToken);
        }

        return handled;
    }

    private async Task<int> DispatchModuleAsync(ModuleDbContextRegistration registration, Dictionary<string, Type> subscriptions, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
        // SQLite runs as a single instance and needs no lock; an explicit transaction there would also
        // make the final write fail with a stale WAL snapshot once a handler has committed meanwhile.
        await using var transaction = db.Database.IsNpgsql()
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        if (transaction is not null)
        {
            var key = $"nara-outbox:{db.TablePrefix}";
            var locked = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtext({key})) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!locked)
            {
                return 0;
            }
        }

        var now = clock.GetUtcNow();
        var batch = await db.OutboxMessages
            .Where(m => m.DispatchedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt)
            .ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            // Nothing to save or commit (the PostgreSQL transaction rolls back, releasing its lock). Saving or
            // committing would fire the OutboxSignalInterceptor, wake this loop at once and make an idle host
            // poll every module's outbox back to back instead of every two seconds.
            return 0;
        }

        await DeliverAllAsync(batch, subscriptions, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return batch.Count;
    }

    /// <summary>
    /// Calls every message's handlers in order; a queued handler's task (<see cref="IQueuedIntegrationEventHandler"/>)
    /// is awaited only once the whole batch has been handed over, so the batch shares its commits. Each message's scope
    /// lives until its tasks are done.
    /// </summary>
    private async Task DeliverAllAsync(List<OutboxMessage> batch, Dictionary<string, Type> subscriptions, CancellationToken cancellationToken)
    {
        var started = new List<Delivery>(batch.Count);
        try
        {
            foreach (var message in batch)
            {
                message.Attempts++;
                if (!subscriptions.TryGetValue(message.Type, out var eventType))
                {
                    // Nobody listens (yet): the row remains as the record of what happened.
                    message.DispatchedAt = clock.GetUtcNow();
                    continue;
                }

                var delivery = new Delivery(message, services.CreateAsyncScope());
                started.Add(delivery);
                try
                {
                    await Deliveries.GetOrAdd(eventType, EventDelivery.For).DeliverAsync(delivery.Scope.ServiceProvider, message, delivery.Queued, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    delivery.Error = ex;
                }
            }

            foreach (var delivery in started)
            {
                await FinishAsync(delivery);
            }
        }
        finally
        {
            foreach (var delivery in started)
            {
                await delivery.Scope.DisposeAsync();
            }
        }
    }

    private async Task FinishAsync(Delivery delivery)
    {
        var message = delivery.Message;
        try
        {
            // Awaited even after a failure, so that a queued task's own failure is observed.
            await Task.WhenAll(delivery.Queued);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            delivery.Error ??= ex;
        }

        if (delivery.Error is null)
        {
            message.DispatchedAt = clock.GetUtcNow();
            message.LastError = null;
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(message.Attempts, 12))));
        message.NextAttemptAt = clock.GetUtcNow() + delay;
        message.LastError = delivery.Error.GetBaseException().Message;
        logger.LogWarning(delivery.Error, "Delivering {Type} {Id} failed (attempt {Attempt})", message.Type, message.Id, message.Attempts);
    }

    private sealed class Delivery(OutboxMessage message, AsyncServiceScope scope)
    {
        public OutboxMessage Message { get; } = message;

        public AsyncServiceScope Scope { get; } = scope;

        public List<Task> Queued { get; } = [];

        public Exception? Error { get; set; }
    }

    /// <summary>Typed delivery of one event type, made once per type instead of reflecting per message.</summary>
    private abstract class EventDelivery
    {
        public static EventDelivery For(Type eventType) =>
            (EventDelivery)Activator.CreateInstance(typeof(EventDelivery<>).MakeGenericType(eventType))!;

        /// <summary>Awaits each handler in turn, except queued ones, whose tasks it adds to <paramref name="queued"/>.</summary>
        public abstract Task DeliverAsync(IServiceProvider scope, OutboxMessage message, List<Task> queued, CancellationToken cancellationToken);
    }

    private sealed class EventDelivery<TEvent> : EventDelivery
        where TEvent : IIntegrationEvent
    {
        public override async Task DeliverAsync(IServiceProvider scope, OutboxMessage message, List<Task> queued, CancellationToken cancellationToken)
        {
            using var activity = Activity.StartActivity($"deliver {typeof(TEvent).Name}");
            var envelope = new IntegrationEventEnvelope<TEvent>(message.Id, message.OccurredAt, JsonSerializer.Deserialize<TEvent>(message.Payload, EventJson.Options)!);
            foreach (var handler in scope.GetServices<IIntegrationEventHandler<TEvent>>())
            {
                if (handler is IQueuedIntegrationEventHandler)
                {
                    queued.Add(handler.HandleAsync(envelope, cancellationToken));
                }
                else
                {
                    await handler.HandleAsync(envelope, cancellationToken);
                }
            }
        }
    }
}
