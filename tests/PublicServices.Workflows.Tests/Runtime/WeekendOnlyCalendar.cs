using PublicServices.Workflows.Calendar;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>A calendar with weekends only, for runtime tests that must not depend on holiday data.</summary>
public sealed class WeekendOnlyCalendar : IWorkingCalendar
{
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var date = start;
        for (var added = 0; added < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                added++;
        }
        return date;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date))
                count++;
        return count;
    }
}
