namespace Nara.Exchange.Domain;

/// <summary>A client subsystem may call a service. Nothing is allowed without one.</summary>
internal sealed class AccessRight
{
    public Guid Id { get; set; }

    public required string ServiceId { get; set; }

    public required string ClientId { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public required string GrantedBy { get; set; }
}
