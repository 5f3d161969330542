using PublicServices.Workflows.Activities;

namespace PublicServices.Platform.Statistics;

/// <summary>
/// Which dossiers the figures count: those of the given agencies (null = every agency; the caller has already narrowed
/// it to what the user may see), of one procedure or all, submitted on Vietnam-local dates From..To inclusive.
/// </summary>
public sealed record StatisticsQuery(IReadOnlyCollection<string>? Agencies, string? ProcedureId, DateOnly From, DateOnly To)
{
    /// <summary>How many ISO weeks the dashboard shows when no dates are given: the current week and the 11 before it.</summary>
    public const int DefaultWeeks = 12;

    /// <summary>Fills missing dates with the last <see cref="DefaultWeeks"/> weeks (from a Monday to today) and puts
    /// reversed dates the right way round, so that every request has a well-formed range.</summary>
    public static StatisticsQuery For(IReadOnlyCollection<string>? agencies, string? procedureId, DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = DueDates.LocalDate(clock.GetUtcNow());
        var end = to ?? today;
        var start = from ?? IsoWeeks.Monday(end).AddDays(-7 * (DefaultWeeks - 1));
        if (start > end)
            (start, end) = (end, start);
        return new StatisticsQuery(agencies, string.IsNullOrWhiteSpace(procedureId) ? null : procedureId, start, end);
    }

    /// <summary>The first UTC instant of the range (00:00 Vietnam time on From).</summary>
    public DateTime FromUtc => Midnight(From);

    /// <summary>The first UTC instant after the range (00:00 Vietnam time on the day after To).</summary>
    public DateTime ToUtcExclusive => Midnight(To.AddDays(1));

    private static DateTime Midnight(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - DueDates.VietnamOffset, DateTimeKind.Utc);
}
