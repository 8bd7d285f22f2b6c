namespace Nara.Notifications.Domain;

/// <summary>Messages accepted per client per Korean calendar day; raised by a conditional UPDATE so caps hold across hosts.</summary>
internal sealed class DailyUsage
{
    public required string ClientId { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }
}
