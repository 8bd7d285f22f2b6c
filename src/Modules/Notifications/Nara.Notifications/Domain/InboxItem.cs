namespace Nara.Notifications.Domain;

/// <summary>
/// A message delivered to a citizen's inbox on the portal. Made by the inbox channel from the rendered
/// message (one item per message, so a repeated delivery adds nothing); the citizen reads and archives it.
/// </summary>
internal sealed class InboxItem
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The inbox-channel message this item came from; unique.</summary>
    public Guid MessageId { get; set; }

    public required string Kind { get; set; }

    public required string Language { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}
