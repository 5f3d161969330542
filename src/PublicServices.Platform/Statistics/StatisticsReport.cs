namespace PublicServices.Platform.Statistics;

/// <summary>
/// Everything the dashboard, its CSV export and the API show for one query: the totals, one row per ISO week of
/// submission (every week of the range, empty ones too, so a chart has no gaps) and one row per procedure.
/// </summary>
/// <param name="CalendarDaysUsed">True when a decision fell in a year missing from the holiday calendar, so that some
/// processing times are counted in calendar days instead of working days.</param>
public sealed record StatisticsReport(
    StatisticsQuery Query,
    StatisticsFigures Total,
    IReadOnlyList<WeekStatistics> Weeks,
    IReadOnlyList<ProcedureStatistics> Procedures,
    bool CalendarDaysUsed);
