namespace Nara.Exchange.Domain;

/// <summary>
/// The access log: one row per request through the mediator, allowed, refused or failed. Never the payload.
/// Kept so the data subject's page and the officials' search need not replay the Audit log; Audit holds the
/// tamper-evident copy (its entry's source message id is <see cref="Id"/>).
/// </summary>
internal sealed class ExchangeRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string MessageId { get; set; }

    public string? Client { get; set; }

    public string? ClientAgency { get; set; }

    public required string Service { get; set; }

    public string? UserId { get; set; }

    /// <summary>The acting official's role as the client declared it; what the data subject sees of the official.</summary>
    public string? UserRole { get; set; }

    public string? Issue { get; set; }

    public string? Purpose { get; set; }

    public Guid? ConsentRecordId { get; set; }

    public long? SubjectResidentId { get; set; }

    /// <summary>Space-separated.</summary>
    public required string Attributes { get; set; }

    public required string Outcome { get; set; }

    public string? Refusal { get; set; }

    public int Status { get; set; }

    public required string RequestHash { get; set; }

    public int DurationMs { get; set; }
}
