using System.Globalization;

namespace PublicServices.Platform.Statistics;

/// <summary>ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday), as Vietnamese offices report them.</summary>
public static class IsoWeeks
{
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>"2026-W08": the ISO week-numbering year (which differs from the calendar year around 1 January) and week.</summary>
    public static string Label(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
    }
}
