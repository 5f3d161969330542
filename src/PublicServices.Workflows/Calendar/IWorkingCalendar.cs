namespace PublicServices.Workflows.Calendar;

/// <summary>
/// Vietnamese working days: weekends, public holidays and public-sector swap days, from a data file per year.
/// A date in a year with no data is an error (<see cref="CalendarYearMissingException"/>), never a guess.
/// </summary>
public interface IWorkingCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>The date that is <paramref name="workingDays"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when to &lt; from.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);
}
