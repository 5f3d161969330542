namespace PublicServices.Workflows.Calendar;

/// <summary>The calendar has no holiday data for a year it was asked about.</summary>
public sealed class CalendarYearMissingException(int year)
    : InvalidOperationException($"No holiday data for {year}: add workflows/calendar/vn-holidays-{year}.json / Chưa có dữ liệu ngày nghỉ năm {year}.")
{
    public int Year { get; } = year;
}
