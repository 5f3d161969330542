using System.Text.Json;

namespace PublicServices.Workflows.Calendar;

/// <summary>One year's data file: days off besides weekends, and weekend days that are worked (swaps).</summary>
public sealed record CalendarYearFile(int Year, IReadOnlyList<CalendarDay> DaysOff, IReadOnlyList<CalendarDay> WorkingWeekends)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
