using System.Text.Json;

namespace Nara.Kernel.Events;

/// <summary>An integration event waiting in (or delivered from) a module's outbox table.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The event's full CLR type name; the dispatcher maps it back through the subscriptions.</summary>
    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public static OutboxMessage Create<TEvent>(TEvent integrationEvent, DateTimeOffset occurredAt)
        where TEvent : IIntegrationEvent => new()
        {
            Id = Guid.CreateVersion7(occurredAt),
            Type = typeof(TEvent).FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, EventJson.Options),
            OccurredAt = occurredAt,
            NextAttemptAt = occurredAt,
        };
}

public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Handler { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}

public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
