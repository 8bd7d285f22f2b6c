namespace Nara.Kernel.Events;

/// <summary>
/// Marks a handler whose <see cref="IIntegrationEventHandler{TEvent}.HandleAsync"/> hands its work to a queue before it
/// returns (the order of the calls is the order of the work) and whose task completes once the queue has committed it,
/// as Audit's group-committed appends do. The dispatcher then calls it for the following messages, of any type,
/// without waiting, and waits for all of them at the end of its batch: a run of messages shares the queue's commits
/// instead of paying one each. A message counts as delivered only when every handler's task has completed; a failed
/// one is delivered again later, so the handler must stay idempotent per message (as every handler must).
/// </summary>
#pragma warning disable CA1711 // "handler of integration events" is the established name in modular monoliths.
public interface IQueuedIntegrationEventHandler;
#pragma warning restore CA1711
