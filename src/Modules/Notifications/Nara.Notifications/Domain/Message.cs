namespace Nara.Notifications.Domain;

/// <summary>
/// One message to one recipient on one channel. The table is also the dispatcher's outbox: a row is
/// claimed by setting a lease (owner and expiry), so several hosts never send the same row at once and
/// a host that dies leaves a lease that simply runs out.
/// </summary>
internal sealed class Message
{
    public Guid Id { get; set; }

    /// <summary>The send request (single or bulk) this message came from; the idempotency key lives there.</summary>
    public Guid RequestId { get; set; }

    /// <summary>The agency client id, or "module:{Name}" for messages another module asked for.</summary>
    public required string ClientId { get; set; }

    /// <summary>The caller's own reference for this message, if any.</summary>
    public string? Reference { get; set; }

    public required string Channel { get; set; }

    public required string TemplateId { get; set; }

    public int TemplateVersion { get; set; }

    public required string Language { get; set; }

    public required string Kind { get; set; }

    public Guid? AccountId { get; set; }

    /// <summary>Email address, mobile number, or the account id for inbox and push.</summary>
    public required string To { get; set; }

    public string? Subject { get; set; }

    /// <summary>Rendered plain text; the HTML email body is built from it at send time.</summary>
    public required string Body { get; set; }

    public string Status { get; set; } = MessageStatus.Created;

    /// <summary>Why a message failed, in words safe to show the sender (never the body).</summary>
    public string? Reason { get; set; }

    /// <summary>Sent with a test key: delivery is simulated, nothing leaves Nara.</summary>
    public bool Test { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be sent before this time: quiet hours at first, then the retry back-off.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
