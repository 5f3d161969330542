namespace PublicServices.Workflows.Calendar;

public sealed record CalendarDay(DateOnly Date, string NameVi, string NameEn);
