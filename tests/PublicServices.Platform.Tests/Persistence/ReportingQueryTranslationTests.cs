using PublicServices.Platform.Persistence;
using PublicServices.Platform.Statistics;
using PublicServices.Platform.Tests.Statistics;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>
/// The dashboard's grouped query translates on both providers and gives the same figures: Vietnam-local dates are
/// computed from UTC columns in SQL, which each provider writes differently (strftime on SQLite, AT TIME ZONE 'UTC' on
/// PostgreSQL). The figures themselves are tested in Statistics/DossierStatisticsTests on SQLite.
/// </summary>
public sealed class ReportingQueryTranslationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_compute_the_same_dashboard_figures_on_each_provider(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.MigratedAsync(await TestDatabases.NewAsync(provider));
        await StatisticsScenario.SeedAsync(db);
        var statistics = new DossierStatistics(db, StatisticsScenario.Calendar);
        var agencies = await new StatisticsUnits(db).AgenciesOfAsync("sgd-01", default);

        var all = await statistics.ComputeAsync(StatisticsScenario.Query(), default);
        var department = await statistics.ComputeAsync(StatisticsScenario.Query(agencies, StatisticsScenario.DiplomaCopy), default);

        Assert.Equal(new StatisticsFigures(11, 4, 3, 3, 1, 2.0), all.Total);
        Assert.Equal([3, 4, 2, 2], all.Weeks.Select(w => w.Figures.Received));
        Assert.Equal([1, 2, 0, 0], all.Weeks.Select(w => w.Figures.OnTime));
        Assert.Equal(new StatisticsFigures(9, 3, 3, 2, 1, 1.8), department.Total);
    }
}
