using System.Text.Json;

namespace PublicServices.Workflows.Calendar;

/// <summary>
/// Working days from one data file per year (workflows/calendar/vn-holidays-YYYY.json). Every working day of the loaded
/// years is kept in one sorted array, so adding or counting working days is a binary search, not a walk over days.
/// </summary>
public sealed class WorkingCalendar : IWorkingCalendar
{
    private readonly HashSet<int> years;
    private readonly DateOnly[] workingDays;

    private WorkingCalendar(IReadOnlyCollection<CalendarYearFile> files)
    {
        years = files.Select(f => f.Year).ToHashSet();
        var off = files.SelectMany(f => f.DaysOff).Select(d => d.Date).ToHashSet();
        var worked = files.SelectMany(f => f.WorkingWeekends).Select(d => d.Date).ToHashSet();
        workingDays = files.SelectMany(f => Enumerable.Range(0, DateTime.IsLeapYear(f.Year) ? 366 : 365)
                .Select(i => new DateOnly(f.Year, 1, 1).AddDays(i)))
            .Where(day => worked.Contains(day) || (!off.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            .Order()
            .ToArray();
    }

    public IReadOnlyCollection<int> Years => years;

    public static WorkingCalendar LoadDirectory(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "vn-holidays-*.json")
            .Select(path => JsonSerializer.Deserialize<CalendarYearFile>(File.ReadAllText(path), CalendarYearFile.JsonOptions)
                            ?? throw new InvalidDataException($"{path}: empty calendar file"))
            .ToList();
        if (files.Count == 0)
            throw new InvalidDataException($"No vn-holidays-YYYY.json file in {folder}");
        return new WorkingCalendar(files);
    }

    public static WorkingCalendar From(params CalendarYearFile[] files) => new(files);

    public bool IsWorkingDay(DateOnly date)
    {
        Require(date.Year);
        return Array.BinarySearch(workingDays, date) >= 0;
    }

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        Require(start.Year);
        if (workingDays < 0)
            throw new ArgumentOutOfRangeException(nameof(workingDays), "Use a non-negative number of working days.");
        if (workingDays == 0)
            return start;
        var index = FirstAfter(start) + workingDays - 1;
        if (index >= this.workingDays.Length)
            throw new CalendarYearMissingException(this.workingDays[^1].Year + 1);
        return this.workingDays[index];
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        Require(from.Year);
        Require(to.Year);
        return to >= from ? FirstAfter(to) - FirstAfter(from) : -(FirstAfter(from) - FirstAfter(to));
    }

    /// <summary>Index of the first working day strictly after <paramref name="date"/>.</summary>
    private int FirstAfter(DateOnly date)
    {
        var i = Array.BinarySearch(workingDays, date);
        return i >= 0 ? i + 1 : ~i;
    }

    private void Require(int year)
    {
        if (!years.Contains(year))
            throw new CalendarYearMissingException(year);
    }
}
