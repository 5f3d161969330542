using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Statistics;
using PublicServices.Platform.Tests.Persistence;
using static PublicServices.Platform.Tests.Statistics.StatisticsScenario;

namespace PublicServices.Platform.Tests.Statistics;

/// <summary>The dashboard's figures on a real SQLite file (PostgreSQL: Persistence/ReportingQueryTranslationTests).</summary>
public sealed class DossierStatisticsTests
{
    private static async Task<(AppDbContext Db, DossierStatistics Statistics)> SeededAsync()
    {
        var db = await TestDatabases.MigratedAsync(TestDatabases.NewSqlite());
        await SeedAsync(db);
        return (db, new DossierStatistics(db, Calendar));
    }

    [Fact]
    public async Task Should_count_on_time_and_late_decisions_by_the_Vietnam_date_across_Tet()
    {
        var (db, statistics) = await SeededAsync();
        await using var _ = db;

        var report = await statistics.ComputeAsync(Query(), default);

        Assert.Equal(new StatisticsFigures(Received: 11, InProgress: 4, OnTime: 3, Late: 3, Cancelled: 1, AverageWorkingDays: 2.0), report.Total);
        Assert.Equal(6, report.Total.Resolved);
        Assert.Equal(0.5, report.Total.OnTimeRate);
        Assert.False(report.CalendarDaysUsed);
    }

    [Fact]
    public async Task Should_put_every_week_of_the_range_in_order_with_the_dossiers_submitted_in_it()
    {
        var (db, statistics) = await SeededAsync();
        await using var _ = db;

        var weeks = (await statistics.ComputeAsync(Query(), default)).Weeks;

        Assert.Equal(["2026-W06", "2026-W07", "2026-W08", "2026-W09"], weeks.Select(w => w.Week));
        Assert.Equal([new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 23)], weeks.Select(w => w.Monday));
        Assert.Equal(new StatisticsFigures(3, 1, 1, 1, 0, 1.5), weeks[0].Figures);
        // A, B and C straddle Tết: 2, 3 and 3 working days; D 1 day.
        Assert.Equal(new StatisticsFigures(4, 0, 2, 2, 0, 2.25), weeks[1].Figures);
        Assert.Equal(new StatisticsFigures(2, 1, 0, 0, 1, null), weeks[2].Figures);
        Assert.Null(weeks[2].Figures.OnTimeRate);
        Assert.Equal(new StatisticsFigures(2, 2, 0, 0, 0, null), weeks[3].Figures);
    }

    [Fact]
    public async Task Should_give_the_figures_per_procedure()
    {
        var (db, statistics) = await SeededAsync();
        await using var _ = db;

        var procedures = (await statistics.ComputeAsync(Query(), default)).Procedures;

        Assert.Equal([DiplomaCopy, ForeignDegree], procedures.Select(p => p.ProcedureId));
        Assert.Equal(new StatisticsFigures(10, 4, 3, 2, 1, 1.8), procedures[0].Figures);
        Assert.Equal(0.6, procedures[0].Figures.OnTimeRate);
        Assert.Equal(new StatisticsFigures(1, 0, 0, 1, 0, 3.0), procedures[1].Figures);
    }

    [Fact]
    public async Task Should_scope_to_a_unit_and_its_direct_children()
    {
        var (db, statistics) = await SeededAsync();
        await using var _ = db;
        var units = new StatisticsUnits(db);

        var department = await units.AgenciesOfAsync("sgd-01", default);
        var inDepartment = await statistics.ComputeAsync(Query(department), default);
        var inSchool = await statistics.ComputeAsync(Query(await units.AgenciesOfAsync("01-001", default)), default);
        var atNaric = await statistics.ComputeAsync(Query(await units.AgenciesOfAsync("naric", default)), default);

        Assert.Equal(["sgd-01", "01-001", "01-002"], department);
        Assert.Equal(new StatisticsFigures(9, 3, 3, 2, 1, 1.8), inDepartment.Total);
        Assert.Equal([DiplomaCopy], inDepartment.Procedures.Select(p => p.ProcedureId));
        Assert.Equal(new StatisticsFigures(1, 0, 1, 0, 0, 0.0), inSchool.Total);
        Assert.Equal(new StatisticsFigures(1, 0, 0, 1, 0, 3.0), atNaric.Total);
    }

    [Fact]
    public async Task Should_filter_by_procedure_and_by_submission_dates()
    {
        var (db, statistics) = await SeededAsync();
        await using var _ = db;

        var foreign = await statistics.ComputeAsync(Query(procedure: ForeignDegree), default);
        var tetWeek = await statistics.ComputeAsync(new StatisticsQuery(null, null, new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 22)), default);

        Assert.Equal(1, foreign.Total.Received);
        Assert.Equal([ForeignDegree], foreign.Procedures.Select(p => p.ProcedureId));
        Assert.Equal(new StatisticsFigures(2, 1, 0, 0, 1, null), tetWeek.Total);
        // The range starts on a Saturday: its week (W07) is shown from its Monday, with only what falls in the range.
        Assert.Equal(["2026-W07", "2026-W08"], tetWeek.Weeks.Select(w => w.Week));
        Assert.Equal(0, tetWeek.Weeks[0].Figures.Received);
    }

    [Fact]
    public async Task Should_count_calendar_days_for_a_year_without_holiday_data()
    {
        await using var db = await TestDatabases.MigratedAsync(TestDatabases.NewSqlite());
        // 2027 is not in workflows/calendar yet: Mon 04/01/2027 → Fri 08/01/2027 counts 4 calendar days.
        Add(db, "Y1", DiplomaCopy, "sgd-01", Utc(2027, 1, 4, 3), "Completed", Utc(2027, 1, 8, 3), new DateOnly(2027, 1, 15));
        // Mon 28/12/2026 → Wed 30/12/2026 is all in 2026: 2 working days.
        Add(db, "Y2", DiplomaCopy, "sgd-01", Utc(2026, 12, 28, 3), "Completed", Utc(2026, 12, 30, 3), new DateOnly(2027, 1, 6));
        await db.SaveChangesAsync();

        var report = await new DossierStatistics(db, Calendar).ComputeAsync(
            new StatisticsQuery(null, null, new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 10)), default);

        Assert.True(report.CalendarDaysUsed);
        Assert.Equal(3.0, report.Total.AverageWorkingDays);
        Assert.Equal(["2026-W53", "2027-W01"], report.Weeks.Select(w => w.Week));
    }

    [Fact]
    public void Should_default_to_the_last_twelve_weeks_ending_today_in_Vietnam()
    {
        // 26/02/2026 18:00 UTC is already Friday 27/02 in Vietnam.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 26, 18, 0, 0, TimeSpan.Zero));

        var query = StatisticsQuery.For(["sgd-01"], " ", null, null, clock);
        var reversed = StatisticsQuery.For(null, DiplomaCopy, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 2), clock);

        Assert.Equal(new DateOnly(2026, 2, 27), query.To);
        Assert.Equal(new DateOnly(2025, 12, 8), query.From);
        Assert.Equal(DayOfWeek.Monday, query.From.DayOfWeek);
        Assert.Null(query.ProcedureId);
        Assert.Equal((new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1)), (reversed.From, reversed.To));
        Assert.Equal(new DateTime(2026, 2, 1, 17, 0, 0, DateTimeKind.Utc), reversed.FromUtc);
        Assert.Equal(new DateTime(2026, 3, 1, 17, 0, 0, DateTimeKind.Utc), reversed.ToUtcExclusive);
    }
}
