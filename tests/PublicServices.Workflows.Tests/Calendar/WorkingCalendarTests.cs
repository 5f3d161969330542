using System.Text.Json;
using PublicServices.Tests;
using PublicServices.Workflows.Calendar;

namespace PublicServices.Workflows.Tests.Calendar;

/// <summary>Against the repository's real 2025/2026 data (workflows/calendar).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadDirectory(RepoPaths.InRepo("workflows", "calendar"));

    [Fact]
    public void Should_count_twenty_working_days_across_tet_2026()
    {
        // From Friday 06/02/2026: 09–13/02 (5), Tết break Sat 14/02 – Sun 22/02 (holidays 16–20/02), 23–27/02 (10),
        // 02–06/03 (15), 09–13/03 (20).
        Assert.Equal(new DateOnly(2026, 3, 13), Calendar.AddWorkingDays(new DateOnly(2026, 2, 6), 20));
    }

    [Fact]
    public void Should_skip_the_hung_kings_compensatory_day_and_the_april_may_holidays_2026()
    {
        // Wed 22/04: Thu 23 (1), Fri 24 (2), Mon 27 is the day off for Sunday 26/04, Tue 28 (3), Wed 29 (4),
        // Thu 30/04 and Fri 01/05 holidays, Mon 04/05 (5).
        Assert.Equal(new DateOnly(2026, 5, 4), Calendar.AddWorkingDays(new DateOnly(2026, 4, 22), 5));
    }

    [Theory]
    [InlineData("2026-01-10", true)]  // Saturday worked in exchange for Friday 02/01
    [InlineData("2026-01-02", false)]
    [InlineData("2025-04-26", true)]  // Saturday worked in exchange for Friday 02/05
    [InlineData("2025-05-02", false)]
    [InlineData("2025-09-01", false)]
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-03-09", true)]
    public void Should_know_swapped_days_holidays_and_weekends(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Should_refuse_a_year_without_data_instead_of_guessing()
    {
        var missing = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(new DateOnly(2027, 1, 5)));
        var overflow = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 10));

        Assert.Equal(2027, missing.Year);
        Assert.Equal(2027, overflow.Year);
    }

    [Fact]
    public void Should_count_back_what_it_added()
    {
        var random = new Random(2026);
        for (var i = 0; i < 2000; i++)
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 660)); // leaves room for 45 working days before 2027
            var days = random.Next(0, 45);
            var end = Calendar.AddWorkingDays(start, days);

            Assert.Equal(days, Calendar.WorkingDaysBetween(start, end));
            Assert.Equal(-days, Calendar.WorkingDaysBetween(end, start));
        }
    }

    [Fact]
    public void Should_treat_every_weekday_holiday_of_the_conformance_data_as_a_day_off()
    {
        using var source = JsonDocument.Parse(File.ReadAllText(RepoPaths.Conformance("vn-holidays.json")));
        var checkedDays = 0;
        foreach (var year in source.RootElement.GetProperty("years").EnumerateObject())
            foreach (var holiday in year.Value.GetProperty("public_holidays_paid").EnumerateArray())
            {
                var date = DateOnly.Parse(holiday.GetProperty("date").GetString()!);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    continue;
                Assert.False(Calendar.IsWorkingDay(date), $"{date} should be a day off");
                checkedDays++;
            }
        Assert.True(checkedDays >= 20, $"only {checkedDays} weekday holidays checked");
    }
}
