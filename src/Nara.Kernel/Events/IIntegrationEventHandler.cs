namespace Nara.Kernel.Events;

/// <summary>
/// Reacts to an integration event. Delivery is at least once: a handler must be idempotent, typically by
/// calling <see cref="Data.ModuleDbContext.MarkProcessedAsync"/> in the transaction that records its effect.
/// </summary>
#pragma warning disable CA1711 // "handler of integration events" is the established name in modular monoliths.
public interface IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(IntegrationEventEnvelope<TEvent> envelope, CancellationToken cancellationToken);
}

#pragma warning restore CA1711

public sealed record IntegrationEventEnvelope<TEvent>(Guid MessageId, DateTimeOffset OccurredAt, TEvent Event)
    where TEvent : IIntegrationEvent;
