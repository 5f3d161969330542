using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Tests.Persistence;

namespace PublicServices.Platform.Tests.Dossiers;

public sealed class DossierQueriesPlanTests
{
    [Fact]
    public async Task Should_list_an_applicants_dossiers_through_the_applicant_index_not_a_scan()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);

        var plan = await QueryPlans.SqliteAsync(db, DossierQueries.Mine(db, "applicant"));

        Assert.Contains(plan, p => p.Contains("USING INDEX IX_dossiers_ApplicantId_IdempotencyKey (ApplicantId=?)"));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN d", StringComparison.Ordinal));
    }
}
