using Nara.Kernel.Time;

namespace Nara.Notifications.Preferences;

/// <summary>Quiet hours are a span of Korea wall-clock time, which may run past midnight (22:00–07:00).</summary>
internal static class QuietHours
{
    /// <summary>When the quiet hours around <paramref name="now"/> end, or null when now is not in them.</summary>
    public static DateTimeOffset? EndIfQuiet(TimeOnly start, TimeOnly end, DateTimeOffset now)
    {
        if (start == end)
        {
            return null;
        }

        var local = KoreaTime.ToSeoul(now);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var today = DateOnly.FromDateTime(local.DateTime);
        DateOnly endDay;
        if (start < end)
        {
            if (time < start || time >= end)
            {
                return null;
            }

            endDay = today;
        }
        else if (time >= start)
        {
            endDay = today.AddDays(1);
        }
        else if (time < end)
        {
            endDay = today;
        }
        else
        {
            return null;
        }

        var wallClock = endDay.ToDateTime(end, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, KoreaTime.Zone), TimeSpan.Zero);
    }

    public static string Describe(TimeOnly? start, TimeOnly? end) =>
        start is { } s && end is { } e && s != e
            ? $"{s:HH\\:mm}-{e:HH\\:mm}"
            : "off";
}
