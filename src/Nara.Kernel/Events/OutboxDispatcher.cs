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
/// them deliver at a time. Consecutive messages of one type whose handlers all take batches
/// (<see cref="IIntegrationEventBatchHandler{TEvent}"/>) are handed over together.
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

        for (var start = 0; start < batch.Count;)
        {
            var end = start + 1;
            while (end < batch.Count && string.Equals(batch[end].Type, batch[start].Type, StringComparison.Ordinal))
            {
                end++;
            }

            await DeliverRunAsync(batch.GetRange(start, end - start), subscriptions, cancellationToken);
            start = end;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return batch.Count;
    }

    /// <summary>Consecutive messages of one type: together when every handler takes batches, else one by one.</summary>
    private async Task DeliverRunAsync(List<OutboxMessage> run, Dictionary<string, Type> subscriptions, CancellationToken cancellationToken)
    {
        if (run.Count > 1 && subscriptions.TryGetValue(run[0].Type, out var eventType)
            && await TryDeliverTogetherAsync(run, eventType, cancellationToken))
        {
            return;
        }

        foreach (var message in run)
        {
            await DeliverAsync(message, subscriptions, cancellationToken);
        }
    }

    /// <summary>
    /// False when some handler of the type takes only single messages, or when the batch failed: then nothing
    /// counts as delivered and each message goes through <see cref="DeliverAsync"/> with its own retry and
    /// back-off (idempotent handlers make the repeat of what the failed batch did harmless).
    /// </summary>
    private async Task<bool> TryDeliverTogetherAsync(List<OutboxMessage> run, Type eventType, CancellationToken cancellationToken)
    {
        var delivery = Deliveries.GetOrAdd(eventType, EventDelivery.For);
        using var activity = Activity.StartActivity($"deliver {eventType.Name} x{run.Count}");
        try
        {
            await using var scope = services.CreateAsyncScope();
            if (!await delivery.DeliverTogetherAsync(scope.ServiceProvider, run, cancellationToken))
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Delivering {Count} {Type} messages together failed; delivering them one by one", run.Count, eventType.Name);
            return false;
        }

        var now = clock.GetUtcNow();
        foreach (var message in run)
        {
            message.Attempts++;
            message.DispatchedAt = now;
            message.LastError = null;
        }

        return true;
    }

    private async Task DeliverAsync(OutboxMessage message, Dictionary<string, Type> subscriptions, CancellationToken cancellationToken)
    {
        message.Attempts++;
        if (!subscriptions.TryGetValue(message.Type, out var eventType))
        {
            // Nobody listens (yet): the row remains as the record of what happened.
            message.DispatchedAt = clock.GetUtcNow();
            return;
        }

        using var activity = Activity.StartActivity($"deliver {eventType.Name}");
        try
        {
            await using var scope = services.CreateAsyncScope();
            await Deliveries.GetOrAdd(eventType, EventDelivery.For).DeliverAsync(scope.ServiceProvider, message, cancellationToken);
            message.DispatchedAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(message.Attempts, 12))));
            message.NextAttemptAt = clock.GetUtcNow() + delay;
            message.LastError = ex.GetBaseException().Message;
            logger.LogWarning(ex, "Delivering {Type} {Id} failed (attempt {Attempt})", message.Type, message.Id, message.Attempts);
        }
    }

    /// <summary>Typed delivery of one event type, made once per type instead of reflecting per message.</summary>
    private abstract class EventDelivery
    {
        public static EventDelivery For(Type eventType) =>
            (EventDelivery)Activator.CreateInstance(typeof(EventDelivery<>).MakeGenericType(eventType))!;

        public abstract Task DeliverAsync(IServiceProvider scope, OutboxMessage message, CancellationToken cancellationToken);

        /// <summary>False (nothing done) when a handler of the type does not take batches.</summary>
        public abstract Task<bool> DeliverTogetherAsync(IServiceProvider scope, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
    }

    private sealed class EventDelivery<TEvent> : EventDelivery
        where TEvent : IIntegrationEvent
    {
        public override async Task DeliverAsync(IServiceProvider scope, OutboxMessage message, CancellationToken cancellationToken)
        {
            var envelope = Envelope(message);
            foreach (var handler in scope.GetServices<IIntegrationEventHandler<TEvent>>())
            {
                await handler.HandleAsync(envelope, cancellationToken);
            }
        }

        public override async Task<bool> DeliverTogetherAsync(IServiceProvider scope, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            var handlers = scope.GetServices<IIntegrationEventHandler<TEvent>>().ToList();
            if (handlers.Count == 0 || handlers.Any(h => h is not IIntegrationEventBatchHandler<TEvent>))
            {
                return false;
            }

            var envelopes = messages.Select(Envelope).ToList();
            foreach (var handler in handlers)
            {
                await ((IIntegrationEventBatchHandler<TEvent>)handler).HandleBatchAsync(envelopes, cancellationToken);
            }

            return true;
        }

        private static IntegrationEventEnvelope<TEvent> Envelope(OutboxMessage message) =>
            new(message.Id, message.OccurredAt, JsonSerializer.Deserialize<TEvent>(message.Payload, EventJson.Options)!);
    }
}
