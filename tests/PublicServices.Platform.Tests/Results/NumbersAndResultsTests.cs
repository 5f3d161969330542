using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Sequences;
using PublicServices.Platform.Tests.Engine;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;
using PublicServices.Workflows.Runtime;
using Xunit.Abstractions;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Platform.Tests.Results;

/// <summary>Candidate numbers in the instance's transaction, datasets received with a signal, and scheduled publication, on both providers.</summary>
public sealed class NumbersAndResultsTests(ITestOutputHelper output)
{
    private static JsonLogicRule Rule(string json) => JsonLogicRule.Parse(JsonNode.Parse(json));

    /// <summary>start → number (per council) → wait results-published:2027 with the dataset record → end.</summary>
    private static readonly WorkflowDefinition Exam = Definition("exam", 1, "numbering",
        Step("numbering", "number", new NumberStepSettings(
            Rule("""{ "cat": [ "sbd-2027-", { "var": "council" } ] }"""),
            Rule("""{ "cat": [ { "var": "council" }, { "substr": [ { "cat": [ "000000", { "var": "numbering.seq" } ] }, -6 ] } ] }""")), ("done", "results-wait")),
        Step("results-wait", "wait", new WaitStepSettings
        {
            Signal = "results-published", Key = Rule("2027"),
            Data = new WaitDataSettings(Rule("""{ "cat": [ "exam-", 2027 ] }"""), Rule("""{ "var": "numbering.value" }""")),
        }, ("done", "end")),
        Step("end", "end", new EndStepSettings("published")));

    private static async Task StartAsync(TestPlatform platform, params string[] councils)
    {
        await using var db = platform.NewContext();
        var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db);
        foreach (var council in councils)
            engine.Start("exam", new JsonObject { ["council"] = council }, "system");
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> NumbersAsync(TestPlatform platform)
    {
        await using var db = platform.NewContext();
        return (await db.Bookmarks.Where(b => b.DataKey != null).Select(b => b.DataKey!).ToListAsync()).Order().ToList();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_number_densely_per_council_in_the_instances_transaction_and_give_back_what_is_not_saved(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Exam);
        await StartAsync(platform, "01", "02", "01");
        await using (var unsaved = platform.NewContext())
        {
            var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, unsaved);
            engine.Start("exam", new JsonObject { ["council"] = "01" }, "system");   // never saved: its transaction "rolls back"
        }
        await StartAsync(platform, "01", "02");

        Assert.Equal(["01000001", "01000002", "01000003", "02000001", "02000002"], await NumbersAsync(platform));
        await using var db = platform.NewContext();
        Assert.Equal(3, (await db.Sequences.SingleAsync(s => s.Scope == "sbd-2027-01")).Last);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_refuse_the_second_of_two_units_of_work_that_took_the_same_number(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Exam);
        await StartAsync(platform, "01");
        await using var first = platform.NewContext();
        await using var second = platform.NewContext();
        var a = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, first);
        var b = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, second);
        a.Start("exam", new JsonObject { ["council"] = "01" }, "system");
        b.Start("exam", new JsonObject { ["council"] = "01" }, "system");

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Equal(["01000001", "01000002"], await NumbersAsync(platform));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_give_each_resumed_instance_its_dataset_record_or_null(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Exam);
        await StartAsync(platform, Enumerable.Repeat("01", 25).ToArray());
        await using (var db = platform.NewContext())
        {
            for (var i = 1; i <= 24; i++)   // 01000025 has no record
                db.DatasetRecords.Add(new DatasetRecord { Dataset = "exam-2027", Key = $"01{i:000000}", DataJson = $$"""{"scores":{"TOAN":{{i % 10}}.25},"record":7.1}""" });
            db.DatasetRecords.Add(new DatasetRecord { Dataset = "exam-2026", Key = "01000025", DataJson = """{"scores":{}}""" });
            await db.SaveChangesAsync();
        }
        var broadcaster = ActivatorUtilities.CreateInstance<SignalBroadcaster>(platform.Services);
        var job = await broadcaster.RunAsync(await broadcaster.StartAsync("results-published", "2027", default), 10, null, default);

        Assert.Equal((25, 25, 0), (job.Total, job.Processed, job.Refused));
        await using var check = platform.NewContext();
        var states = (await check.Instances.Select(i => i.StateJson).ToListAsync()).Select(WorkflowStateJson.Deserialize).ToList();
        Assert.All(states, s => Assert.Equal(InstanceStatus.Completed, s.Status));
        foreach (var state in states)
        {
            var number = (string)state.Variables["numbering"]!["value"]!;
            var data = state.Variables["results-wait"]!["data"];
            if (number == "01000025")
                Assert.Null(data);
            else
                Assert.Equal(int.Parse(number[2..]) % 10 + 0.25m, (decimal)data!["scores"]!["TOAN"]!);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_start_a_scheduled_publication_when_due_and_not_before(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Exam);
        await StartAsync(platform, "01", "02", "03");
        var publishAt = platform.Clock.GetUtcNow().AddHours(2);
        using (var scope = platform.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PublicServices.Platform.Results.ResultPublication>().ScheduleAsync(2027, publishAt, default);
        var work = ActivatorUtilities.CreateInstance<ScheduledBroadcastWork>(platform.Services);

        platform.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await work.RunOnceAsync("node-a", default));
        await using (var before = platform.NewContext())
            Assert.Equal(3, await before.Bookmarks.CountAsync());

        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await work.RunOnceAsync("node-a", default));
        Assert.Equal(0, await work.RunOnceAsync("node-b", default));   // nothing left to claim

        await using var after = platform.NewContext();
        var job = await after.BatchJobs.SingleAsync();
        Assert.Equal((BatchJobStatus.Completed, 3, 3), (job.Status, job.Total, job.Processed));
        Assert.Equal(0, await after.Bookmarks.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_let_another_node_continue_a_publication_whose_lease_expired(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Exam);
        await StartAsync(platform, "01");
        await using (var db = platform.NewContext())
        {
            // node-a claimed it and died: Running, lease until now + 2 min.
            db.BatchJobs.Add(new BatchJobRecord
            {
                Id = Guid.NewGuid(), Signal = "results-published", Key = "2027", Status = BatchJobStatus.Running, Total = 1,
                StartAt = platform.Clock.GetUtcNow().UtcDateTime, StartedAt = platform.Clock.GetUtcNow().UtcDateTime,
                LeaseOwner = "node-a", LeaseUntil = platform.Clock.GetUtcNow().UtcDateTime.AddMinutes(2),
            });
            await db.SaveChangesAsync();
        }
        var work = ActivatorUtilities.CreateInstance<ScheduledBroadcastWork>(platform.Services);
        Assert.Equal(0, await work.RunOnceAsync("node-b", default));
        platform.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await work.RunOnceAsync("node-b", default));

        await using var check = platform.NewContext();
        Assert.Equal(BatchJobStatus.Completed, (await check.BatchJobs.SingleAsync()).Status);
    }

    /// <summary>
    /// Throughput of numbering and of the results broadcast with data. Size from PUBLICSERVICES_BROADCAST_SIZE (default 2,000 so
    /// the suite stays quick; the figures in the report were measured with 50,000).
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_measure_numbering_and_broadcast_with_data(DatabaseProvider provider)
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("PUBLICSERVICES_BROADCAST_SIZE"), out var n) ? n : 2_000;
        await using var platform = await TestPlatform.CreateAsync(provider, Exam);
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < size; done += 1_000)
        {
            await using var db = platform.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db);
            for (var i = done; i < Math.Min(size, done + 1_000); i++)
                engine.Start("exam", new JsonObject { ["council"] = (i % 64 + 1).ToString("00") }, "system");
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        var numbered = watch.Elapsed;
        await using (var db = platform.NewContext())
        {
            var keys = await db.Bookmarks.Select(b => b.DataKey!).ToListAsync();
            Assert.Equal(size, keys.Distinct().Count());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.DatasetRecords.AddRange(keys.Select(k => new DatasetRecord { Dataset = "exam-2027", Key = k, DataJson = """{"scores":{"TOAN":7.5,"VAN":6.25,"LI":8,"HOA":5.5},"record":7.1}""" }));
            await db.SaveChangesAsync();
        }
        var broadcaster = ActivatorUtilities.CreateInstance<SignalBroadcaster>(platform.Services);
        watch.Restart();
        var job = await broadcaster.RunAsync(await broadcaster.StartAsync("results-published", "2027", default), 500, null, default);
        var broadcast = watch.Elapsed;

        Assert.Equal((size, size), (job.Total, job.Processed));
        await using (var check = platform.NewContext())
            Assert.Equal(size, await check.Instances.CountAsync(i => i.Status == "Completed"));
        output.WriteLine($"{provider}: {size} instances numbered in {numbered.TotalSeconds:0.0} s ({size / numbered.TotalSeconds:0}/s); " +
                         $"broadcast with data in {broadcast.TotalSeconds:0.0} s ({size / broadcast.TotalSeconds:0}/s)");
    }
}
