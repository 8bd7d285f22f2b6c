namespace Nara.Kernel.Events;

/// <summary>
/// A handler that can take several messages of one event type at once, so that a run of them costs one
/// commit instead of one each (Audit appends a run of exchanges in one group commit). The dispatcher hands it
/// consecutive messages of the outbox, in order; when the call throws, none of them counts as delivered and the
/// dispatcher delivers them again one at a time through <see cref="IIntegrationEventHandler{TEvent}.HandleAsync"/>,
/// so a handler must stay idempotent per message (as every handler must: delivery is at least once).
/// </summary>
#pragma warning disable CA1711 // "handler of integration events" is the established name in modular monoliths.
public interface IIntegrationEventBatchHandler<TEvent> : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleBatchAsync(IReadOnlyList<IntegrationEventEnvelope<TEvent>> envelopes, CancellationToken cancellationToken);
}

#pragma warning restore CA1711
