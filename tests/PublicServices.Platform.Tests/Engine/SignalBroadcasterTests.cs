using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions.Steps;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Platform.Tests.Engine;

public sealed class SignalBroadcasterTests
{
    private sealed class StopAfterFirstChunk : IProgress<BatchJobRecord>
    {
        public void Report(BatchJobRecord value)
        {
            if (value.Processed > 0 && value.Status == BatchJobStatus.Running)
                throw new OperationCanceledException("simulated crash after a committed chunk");
        }
    }

    private static readonly PublicServices.Workflows.Definitions.WorkflowDefinition Results = Definition("results", 1, "wait",
        Step("wait", "wait", new WaitStepSettings { Signal = "results-published" }, ("done", "publish")),
        Step("publish", "notify", new NotifyStepSettings("results"), ("done", "end")),
        Step("end", "end", new EndStepSettings("published")));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_signal_every_waiting_instance_once_and_resume_after_a_crash(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Results);
        await using (var db = platform.NewContext())
        {
            var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db);
            for (var i = 0; i < 45; i++)
                engine.Start("results", new JsonObject(), "system");
            await db.SaveChangesAsync();
        }
        var broadcaster = ActivatorUtilities.CreateInstance<SignalBroadcaster>(platform.Services);
        var job = await broadcaster.StartAsync("results-published", null, default);

        await Assert.ThrowsAsync<OperationCanceledException>(() => broadcaster.RunAsync(job, 20, new StopAfterFirstChunk(), default));
        await using (var midway = platform.NewContext())
            Assert.Equal(20, (await midway.BatchJobs.SingleAsync()).Processed);
        var finished = await broadcaster.RunAsync(job, 20, null, default);

        await using var check = platform.NewContext();
        Assert.Equal(BatchJobStatus.Completed, finished.Status);
        Assert.Equal((45, 45, 0), (finished.Total, finished.Processed, finished.Refused));
        Assert.Equal(45, await check.Instances.CountAsync(i => i.Status == "Completed"));
        Assert.Equal(45, await check.Outbox.CountAsync(m => m.Kind == "notification"));
        Assert.Equal(0, await check.Bookmarks.CountAsync());
    }

    [Fact]
    public async Task Should_take_each_chunk_from_the_index_in_id_order_without_sorting_the_waits_left()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite, Results);
        await using var db = platform.NewContext();

        var plan = await PublicServices.Platform.Tests.Persistence.QueryPlans.SqliteAsync(db, SignalBroadcaster.NextChunk(db, "results-published:2027", 500));

        Assert.Contains(plan, p => p.Contains("USING INDEX IX_workflow_bookmarks_Kind_Key_Id (Kind=? AND Key=?)"));
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE"));
    }
}
