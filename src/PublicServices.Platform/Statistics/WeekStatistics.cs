namespace PublicServices.Platform.Statistics;

/// <summary>The figures of the dossiers submitted in one ISO week (<paramref name="Week"/> as "2026-W08", starting on <paramref name="Monday"/>).</summary>
public sealed record WeekStatistics(string Week, DateOnly Monday, StatisticsFigures Figures);
