using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Calendar;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Statistics;

/// <summary>
/// On-time figures of dossiers for officials and administrators. Built for 100,000+ dossiers: the database groups the
/// dossiers by the few values the figures depend on (procedure, status, Vietnam-local submission and decision dates,
/// due date) and returns one row per group with its count; working days are then counted once per distinct
/// (submitted, decided) pair of dates, never per dossier. The query is plain EF Core LINQ that both SQLite and
/// PostgreSQL translate (dates computed from UTC DateTime columns; no DateTimeOffset comparison).
/// </summary>
public sealed class DossierStatistics(AppDbContext db, IWorkingCalendar calendar)
{
    /// <summary>Vietnam time is UTC+7 all year (no daylight saving). A constant, so that it is inlined into the SQL.</summary>
    private const double VietnamHours = 7;

    private const string Completed = nameof(InstanceStatus.Completed);
    private const string Cancelled = nameof(InstanceStatus.Cancelled);

    public async Task<StatisticsReport> ComputeAsync(StatisticsQuery query, CancellationToken cancellationToken)
    {
        var groups = await GroupsAsync(query, cancellationToken);
        var (days, calendarDaysUsed) = ProcessingDays(groups);

        var total = new FiguresTally();
        var weeks = new SortedDictionary<DateOnly, FiguresTally>();
        for (var monday = IsoWeeks.Monday(query.From); monday <= query.To; monday = monday.AddDays(7))
            weeks[monday] = new FiguresTally();
        var procedures = new SortedDictionary<string, FiguresTally>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var week = weeks[IsoWeeks.Monday(group.Submitted)];
            var procedure = procedures.TryGetValue(group.ProcedureId, out var tally) ? tally : procedures[group.ProcedureId] = new FiguresTally();
            Add(total, group, days);
            Add(week, group, days);
            Add(procedure, group, days);
        }
        return new StatisticsReport(
            query,
            total.ToFigures(),
            weeks.Select(w => new WeekStatistics(IsoWeeks.Label(w.Key), w.Key, w.Value.ToFigures())).ToList(),
            procedures.Select(p => new ProcedureStatistics(p.Key, p.Value.ToFigures())).ToList(),
            calendarDaysUsed);
    }

    /// <summary>One row per distinct combination of what the figures depend on. Decision date and due date matter only
    /// for decided dossiers, so they are left null for the others: fewer, larger groups.</summary>
    private async Task<List<DossierGroup>> GroupsAsync(StatisticsQuery query, CancellationToken cancellationToken)
    {
        var from = query.FromUtc;
        var to = query.ToUtcExclusive;
        var dossiers = db.Dossiers.AsNoTracking().Where(d => d.SubmittedAt >= from && d.SubmittedAt < to);
        if (query.Agencies is { } agencies)
        {
            var codes = agencies.ToList();
            dossiers = dossiers.Where(d => codes.Contains(d.AgencyCode));
        }
        if (query.ProcedureId is { } procedureId)
            dossiers = dossiers.Where(d => d.ProcedureId == procedureId);

        var rows = from d in dossiers
                   join i in db.Instances.AsNoTracking() on d.InstanceId equals i.Id
                   let decided = i.Status == Completed
                   group d by new
                   {
                       d.ProcedureId,
                       i.Status,
                       Submitted = DateOnly.FromDateTime(d.SubmittedAt.AddHours(VietnamHours)),
                       // UpdatedAt of a Completed instance is the moment it was decided.
                       Decided = decided ? DateOnly.FromDateTime(i.UpdatedAt.AddHours(VietnamHours)) : (DateOnly?)null,
                       // The due date follows from the submission date and the procedure (except after a supplement),
                       // so it adds few groups; comparing it here rather than in SQL keeps the SQL simple.
                       DueDate = decided ? d.DueDate : null,
                   }
                   into g
                   select new DossierGroup(g.Key.ProcedureId, g.Key.Status, g.Key.Submitted, g.Key.Decided, g.Key.DueDate, g.Count());
        return await rows.ToListAsync(cancellationToken);
    }

    /// <summary>Working days from submission to decision, once per distinct pair of dates.</summary>
    private (Dictionary<(DateOnly, DateOnly), int> Days, bool CalendarDaysUsed) ProcessingDays(IEnumerable<DossierGroup> groups)
    {
        var days = new Dictionary<(DateOnly, DateOnly), int>();
        var calendarDaysUsed = false;
        foreach (var pair in groups.Where(g => g.Decided is not null).Select(g => (g.Submitted, g.Decided!.Value)).Distinct())
        {
            try
            {
                days[pair] = calendar.WorkingDaysBetween(pair.Submitted, pair.Item2);
            }
            catch (CalendarYearMissingException)
            {
                // No holiday data for that year (an old dossier, or a year not yet published): a statistics page must
                // still answer, so this pair counts calendar days instead — an overestimate the report flags
                // (CalendarDaysUsed) rather than an error page or a guess at holidays.
                days[pair] = pair.Item2.DayNumber - pair.Submitted.DayNumber;
                calendarDaysUsed = true;
            }
        }
        return (days, calendarDaysUsed);
    }

    private static void Add(FiguresTally tally, DossierGroup group, Dictionary<(DateOnly, DateOnly), int> days)
    {
        if (group.Status == Cancelled)
            tally.AddCancelled(group.Count);
        else if (group.Decided is { } decided)
            // A dossier without a legal due date cannot be late.
            tally.AddResolved(group.Count, group.DueDate is not { } due || decided <= due, days[(group.Submitted, decided)]);
        else
            tally.AddOpen(group.Count);
    }

    private sealed record DossierGroup(string ProcedureId, string Status, DateOnly Submitted, DateOnly? Decided, DateOnly? DueDate, int Count);
}
