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

    [Fact]
    public async Task Should_check_a_groups_files_and_unique_keys_through_their_indexes_not_a_scan()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);

        var files = await QueryPlans.SqliteAsync(db, SubmissionChecks.Files(db, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]));
        var holders = await QueryPlans.SqliteAsync(db, SubmissionChecks.Holders(db, ["exam-registration"], ["001", "002", "003"]));

        Assert.Contains(files, p => p.Contains("USING INDEX sqlite_autoindex_attachments_1 (Id=?)") || p.Contains("USING PRIMARY KEY"));
        Assert.Contains(holders, p => p.Contains("USING INDEX IX_dossiers_ProcedureId_UniqueKey (ProcedureId=? AND UniqueKey=?)"));
        Assert.DoesNotContain(files.Concat(holders), p => p.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
