namespace Nara.Exchange.Domain;

/// <summary>A resident asked to be told each time an agency receives their data (opt-in, off by default).</summary>
internal sealed class AccessAlert
{
    public long ResidentId { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
