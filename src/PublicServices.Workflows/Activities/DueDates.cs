using PublicServices.Workflows.Calendar;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Deadlines as Vietnamese offices count them: "N working days" from a moment ends at 23:59:59 Vietnam time (UTC+7)
/// of the N-th working day after the day of that moment; days and hours are plain spans.
/// </summary>
public sealed class DueDates(IWorkingCalendar calendar)
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public DateTimeOffset From(DateTimeOffset start, DurationSpec duration) => duration.Unit switch
    {
        DurationUnit.WorkingDays => EndOfDay(calendar.AddWorkingDays(LocalDate(start), duration.Amount)),
        DurationUnit.Days => start.AddDays(duration.Amount),
        DurationUnit.Hours => start.AddHours(duration.Amount),
        DurationUnit.Minutes => start.AddMinutes(duration.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(duration)),
    };

    /// <summary>
    /// When a reminder <paramref name="before"/> a due time goes out. Reminders count calendar time only (the loader
    /// refuses working days there), so this is plain subtraction.
    /// </summary>
    public static DateTimeOffset Before(DateTimeOffset due, DurationSpec before) => before.Unit switch
    {
        DurationUnit.Days => due.AddDays(-before.Amount),
        DurationUnit.Hours => due.AddHours(-before.Amount),
        DurationUnit.Minutes => due.AddMinutes(-before.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(before), "A reminder counts days, hours or minutes, not working days."),
    };

    public static DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(VietnamOffset).DateTime);

    /// <summary>Midnight at the start of a Vietnam-local date, as UTC.</summary>
    public static DateTime StartOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), VietnamOffset).UtcDateTime;

    public static DateTimeOffset EndOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset).ToUniversalTime();
}
