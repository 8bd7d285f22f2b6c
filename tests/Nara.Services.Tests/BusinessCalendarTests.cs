using Nara.Services.Domain.Calendar;

namespace Nara.Services.Tests;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.LoadEmbedded();

    [Theory]
    [InlineData("2026-03-03", 6, "2026-03-10")] // counts the day of receipt
    [InlineData("2026-03-02", 6, "2026-03-10")] // received on the substitute holiday for 삼일절: counting starts the next business day
    [InlineData("2026-02-13", 6, "2026-02-25")] // 설날 16–18 February are skipped
    [InlineData("2026-05-22", 6, "2026-06-01")] // 부처님오신날 substitute holiday on 25 May
    [InlineData("2025-10-02", 6, "2025-10-16")] // 개천절, 추석 with its substitute day, and 한글날
    [InlineData("2026-03-03", 3, "2026-03-06")] // five days or less: counted from the next day
    [InlineData("2026-03-06", 0, "2026-03-06")] // on the spot
    public void Deadlines_count_business_days_as_the_civil_petitions_act_says(string received, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Calendar.Deadline(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Theory]
    [InlineData("2025-01-27")] // temporary holiday
    [InlineData("2025-06-03")] // presidential election day
    [InlineData("2026-08-17")] // substitute for 광복절 on a Saturday
    [InlineData("2027-02-08")] // substitute for 설날 on a Sunday
    [InlineData("2027-12-27")] // substitute for Christmas on a Saturday
    [InlineData("2026-03-07")] // a Saturday
    public void Weekends_public_substitute_and_temporary_holidays_are_not_business_days(string date)
    {
        Assert.False(Calendar.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_calendar_covers_2025_to_2027()
    {
        Assert.Equal(2025, Calendar.FirstYear);
        Assert.Equal(2027, Calendar.LastYear);
        Assert.Equal("추석", Calendar.HolidayOn(new DateOnly(2026, 9, 25))!.Ko);
    }

    [Fact]
    public void Business_days_between_two_dates_leave_out_holidays()
    {
        Assert.Equal(2, Calendar.BusinessDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 20)));
        Assert.Equal(-2, Calendar.BusinessDaysBetween(new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 13)));
    }
}
