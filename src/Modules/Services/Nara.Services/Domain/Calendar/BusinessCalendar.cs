using System.Collections.Frozen;
using System.Text.Json;

namespace Nara.Services.Domain.Calendar;

/// <summary>
/// Korean business days: Monday to Friday except public holidays, which are data
/// (<c>Calendar/holidays/{year}.json</c>, substitute and temporary holidays included), so a newly
/// declared holiday is a data change. Deadlines follow the Civil Petitions Act's counting rule.
/// </summary>
internal sealed class BusinessCalendar
{
    private readonly FrozenDictionary<DateOnly, Holiday> _holidays;

    public BusinessCalendar(IEnumerable<Holiday> holidays)
    {
        _holidays = holidays.ToFrozenDictionary(h => h.Date);
        FirstYear = _holidays.Count == 0 ? 0 : _holidays.Keys.Min().Year;
        LastYear = _holidays.Count == 0 ? 0 : _holidays.Keys.Max().Year;
    }

    public int FirstYear { get; }

    public int LastYear { get; }

    public static BusinessCalendar LoadEmbedded()
    {
        var assembly = typeof(BusinessCalendar).Assembly;
        var holidays = new List<Holiday>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Calendar.holidays.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            holidays.AddRange(JsonSerializer.Deserialize<List<Holiday>>(stream, JsonSerializerOptions.Web) ?? []);
        }

        return new BusinessCalendar(holidays);
    }

    public Holiday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !_holidays.ContainsKey(date);

    /// <summary>
    /// The last day to act for a deadline of <paramref name="days"/> days from receipt. Deadlines of
    /// six days or more count days including the day of receipt, leaving out Saturdays, Sundays and
    /// public holidays. Shorter deadlines count working hours from receipt (eight a day): Nara keeps
    /// dates, not hours, so the case is due at the end of the <paramref name="days"/>-th business day
    /// after the day of receipt. Zero days means the day of receipt.
    /// </summary>
    public DateOnly Deadline(DateOnly receivedOn, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return receivedOn;
        }

        var day = days >= 6 ? receivedOn : receivedOn.AddDays(1);
        var counted = 0;
        while (true)
        {
            if (IsBusinessDay(day) && ++counted == days)
            {
                return day;
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>Business days from <paramref name="from"/> (exclusive) to <paramref name="to"/> (inclusive); negative when past.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }
}

/// <param name="Kind">Null for a regular holiday; "substitute" or "temporary".</param>
internal sealed record Holiday(DateOnly Date, string Ko, string En, string? Kind = null);
