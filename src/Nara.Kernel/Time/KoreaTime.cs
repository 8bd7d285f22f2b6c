namespace Nara.Kernel.Time;

/// <summary>Korean local time is used only at the edges (pages, letters, deadlines); storage is UTC.</summary>
public static class KoreaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static DateTimeOffset ToSeoul(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToSeoul(clock.GetUtcNow()).DateTime);
    }
}
