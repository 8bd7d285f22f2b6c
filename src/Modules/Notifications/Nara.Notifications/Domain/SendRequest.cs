namespace Nara.Notifications.Domain;

/// <summary>
/// One accepted send (single or bulk). Unique per client and idempotency key, so the same key sent
/// twice finds this row and returns its messages instead of queuing new ones.
/// </summary>
internal sealed class SendRequest
{
    public Guid Id { get; set; }

    public required string ClientId { get; set; }

    public required string IdempotencyKey { get; set; }

    public int MessageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
