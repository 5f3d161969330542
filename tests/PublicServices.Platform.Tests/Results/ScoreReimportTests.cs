using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;
using PublicServices.Platform.Tests.Engine;

namespace PublicServices.Platform.Tests.Results;

/// <summary>A score file imported again (a council's correction) replaces the file's part of a record — scores and record
/// average — and keeps a re-marking's result; it tells every node's look-up to forget the exam's cached records.</summary>
public sealed class ScoreReimportTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_keep_the_re_marking_and_journal_a_change_of_every_record(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider);
        const string remarking = """{"changes":[{"subject":"VAN","before":6.25,"score":6.75}],"graduationScore":7.52,"graduated":true}""";
        await using (var db = platform.NewContext())
        {
            db.DatasetRecords.Add(new DatasetRecord { Dataset = "exam-2027", Key = "01000001", DataJson = $$"""{"scores":{"TOAN":7.5,"VAN":6.25},"record":7.1,"remarking":{{remarking}}}""" });
            db.DatasetRecords.Add(new DatasetRecord { Dataset = "exam-2027", Key = "01000002", DataJson = """{"scores":{"TOAN":9},"record":9}""" });
            await db.SaveChangesAsync();
        }
        var file = Path.Combine(Path.GetTempPath(), $"scores-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, ["candidate_number,subject,score", "01000001,TOAN,8", "01000001,VAN,6.25", "01000001,DTB,7.1",
            "01000002,TOAN,9.5", "01000002,DTB,9", "01000003,TOAN,5", "01000003,DTB,6"]);

        using (var scope = platform.Services.CreateScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<ScoreImport>()
                .RunAsync(new ScoreImportOptions(2027, file) { CheckCandidates = false, ChunkSize = 2 }, null, default);
            Assert.Equal((ScoreImportOutcome.Imported, 3), (imported.Outcome, imported.Written));
        }

        await using var check = platform.NewContext();
        var records = await check.DatasetRecords.Where(r => r.Dataset == "exam-2027").ToDictionaryAsync(r => r.Key, r => JsonNode.Parse(r.DataJson)!);
        Assert.Equal(8m, records["01000001"]["scores"]!["TOAN"]!.GetValue<decimal>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(remarking), records["01000001"]["remarking"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"scores":{"TOAN":9.5},"record":9}"""), records["01000002"]));
        Assert.Null(records["01000003"]["remarking"]);
        var journal = await check.DatasetRecords.Where(r => r.Dataset == DatasetChanges.JournalOf("exam-2027")).Select(r => r.DataJson).ToListAsync();
        Assert.Equal([DatasetChanges.AllKeys, DatasetChanges.AllKeys], journal.Select(DatasetChanges.KeyOfData)); // one per chunk of 2
    }
}
