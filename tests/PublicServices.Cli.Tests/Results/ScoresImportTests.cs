using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Cli.Hosting;
using PublicServices.Cli.Results;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;

namespace PublicServices.Cli.Tests.Results;

/// <summary><c>scores import</c> and <c>results publish|status</c> against a real SQLite file.</summary>
public sealed class ScoresImportTests : CliDatabaseTest
{
    protected override IEnumerable<Command> Commands() => [ResultsCommands.Scores(), ResultsCommands.Results()];

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(DataPath, name);
        File.WriteAllLines(path, ["candidate_number,subject,score", .. lines]);
        return path;
    }

    private async Task<List<(string Key, string Json)>> RecordsAsync()
    {
        await using var services = CliHost.Build();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.DatasetRecords.Where(r => r.Dataset == "exam-2027").OrderBy(r => r.Key).Select(r => new { r.Key, r.DataJson }).ToListAsync())
            .Select(r => (r.Key, r.DataJson)).ToList();
    }

    [Fact]
    public async Task Should_report_every_bad_row_with_its_line_and_write_nothing()
    {
        var file = Csv("bad.csv",
            "01000001,TOAN,7.5",      // 2 good
            "01000001,VAN,10.5",      // 3 score above 10
            "01000002,HOA,7.125",     // 4 three decimals
            "01000002,XX,5",          // 5 unknown subject
            "123,TOAN,5",             // 6 not 8 digits
            "01000001,TOAN,8",        // 7 duplicate
            "01000003,LI,6.25");      // 8 good

        var run = await RunAsync("scores", "import", file, "--exam", "2027", "--no-candidate-check");

        Assert.Equal(1, run.Exit);
        Assert.Contains("bad.csv:3: ", run.Err);
        Assert.Contains("bad.csv:4: ", run.Err);
        Assert.Contains("bad.csv:5: Mã môn 'XX'", run.Err);
        Assert.Contains("bad.csv:6: Số báo danh '123'", run.Err);
        Assert.Contains("bad.csv:7: Trùng", run.Err);
        Assert.DoesNotContain("bad.csv:2:", run.Err);
        Assert.DoesNotContain("bad.csv:8:", run.Err);
        Assert.Contains("5 bad rows: nothing was imported", run.Err);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task Should_refuse_numbers_not_given_in_the_exam_unless_told_not_to_check()
    {
        var file = Csv("unknown.csv", "01000001,TOAN,7.5");

        var checkedRun = await RunAsync("scores", "import", file, "--exam", "2027");

        Assert.Equal(1, checkedRun.Exit);
        Assert.Contains("unknown.csv:2: ", checkedRun.Err);
        Assert.Contains("was not given in exam 2027", checkedRun.Err);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task Should_group_per_candidate_show_progress_resume_after_an_interruption_and_not_import_twice()
    {
        var lines = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            lines.Add($"01{i:000000},TOAN,{i}.5");
            lines.Add($"01{i:000000},N1,8.25");
        }
        lines.Add("01000003,DTB,7.1");
        var file = Csv("scores.csv", [.. lines]);

        // First run: interrupted after its first committed chunk (2 candidates).
        await using (var services = CliHost.Build())
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            await scope.ServiceProvider.GetRequiredService<PublicServices.Platform.Engine.DefinitionStartup>().LoadAsync(default);
            var import = scope.ServiceProvider.GetRequiredService<ScoreImport>();
            await Assert.ThrowsAsync<OperationCanceledException>(() => import.RunAsync(
                new ScoreImportOptions(2027, file) { CheckCandidates = false, ChunkSize = 2 },
                p => { if (p.Phase == "writing") throw new OperationCanceledException("simulated crash"); }, default));
        }
        Assert.Equal(2, (await RecordsAsync()).Count);

        var resumed = await RunAsync("scores", "import", file, "--exam", "2027", "--no-candidate-check", "--chunk", "2");
        var again = await RunAsync("scores", "import", file, "--exam", "2027", "--no-candidate-check", "--chunk", "2");
        var status = await RunAsync("results", "status", "--exam", "2027");

        Assert.Equal(0, resumed.Exit);
        Assert.Contains("Resumed and completed: 15 rows, 7 candidates in exam-2027 (5 written now)", resumed.Out);
        Assert.Contains("writing: 4/7 candidates (57.1%)", resumed.Err);
        Assert.Contains("writing: 7/7 candidates (100.0%)", resumed.Err);
        Assert.Equal(0, again.Exit);
        Assert.Contains("already imported", again.Out);
        Assert.Contains("exam 2027: 7 score records", status.Out);
        Assert.Contains("Completed, 7/7 candidates", status.Out);
        var records = await RecordsAsync();
        Assert.Equal(7, records.Count);
        Assert.Equal(("01000003", """{"scores":{"TOAN":3.5,"N1":8.25},"record":7.1}"""), records[2]);
        Assert.Equal(("01000007", """{"scores":{"TOAN":7.5,"N1":8.25}}"""), records[6]);
    }

    [Fact]
    public async Task Should_schedule_the_publication_and_show_it()
    {
        var publish = await RunAsync("results", "publish", "--exam", "2027", "--at", "2027-07-16T08:00:00+07:00");
        var status = await RunAsync("results", "status", "--exam", "2027");

        Assert.Equal(0, publish.Exit);
        Assert.Contains("results-published 2027 at 2027-07-16 08:00:00 +07:00", publish.Out);
        Assert.Contains("publication at 2027-07-16 08:00:00 +07:00: Scheduled, 0/0", status.Out);
    }
}
