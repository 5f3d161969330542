using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Platform.Tests.Engine;
using PublicServices.Platform.Tests.Persistence;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Platform.Tests.Tasks;

/// <summary>
/// Bulk completion tries each chunk in one go and falls back to one task at a time when anything is unusual; these tests
/// check that both give the results each task alone would have — including when someone claims a task, or changes an
/// instance, between the chunk's read and its write.
/// </summary>
public sealed class BulkCompletionTests
{
    private static readonly OfficialScope Officer = new("officer-1", "Cán bộ Một", ["officer"], "naric", "127.0.0.1");

    /// <summary>check (task: verify → wait for the lock; return, with a reason → end).</summary>
    private static readonly WorkflowDefinition Registration = Definition("registration", 1, "check",
        Step("check", "task", TaskStep("officer", ("verify", false), ("return", true)), ("verify", "locked"), ("return", "returned")),
        Step("locked", "wait", new WaitStepSettings { Signal = "locked" }, ("done", "end")),
        Step("returned", "end", new EndStepSettings("returned")),
        Step("end", "end", new EndStepSettings("registered")));

    /// <summary>Before the first transaction of its context begins (the chunk's write, after its read): someone else
    /// acts through another connection, as a colleague or a worker on another node would.</summary>
    private sealed class Meanwhile(Func<Task> act) : DbTransactionInterceptor
    {
        private bool done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!done)
            {
                done = true;
                await act();
            }
            return result;
        }
    }

    private static async Task<List<Guid>> StartAsync(TestPlatform platform, int count)
    {
        await using var db = platform.NewContext();
        var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db);
        for (var i = 0; i < count; i++)
            engine.Start("registration", new JsonObject(), "system");
        await db.SaveChangesAsync();
        return await db.Tasks.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
    }

    private static BulkCompletion Bulk(TestPlatform platform, AppDbContext db)
    {
        var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db);
        var queue = ActivatorUtilities.CreateInstance<TaskQueue>(platform.Services, db);
        var actions = ActivatorUtilities.CreateInstance<TaskActions>(platform.Services, db, queue, engine, new AuditLog(db, platform.Clock));
        return ActivatorUtilities.CreateInstance<BulkCompletion>(platform.Services, db, queue, actions, engine);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_complete_every_chunk_with_each_task_told_apart(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Registration);
        var ids = await StartAsync(platform, 230);
        await using (var db = platform.NewContext())
            await db.Tasks.Where(t => t.Id == ids[150]).ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, "officer-2").SetProperty(x => x.ClaimedByName, "Cán bộ Hai"));
        var unknown = Guid.NewGuid();
        var reported = new List<int>();

        await using (var db = platform.NewContext())
        {
            var missingReason = await Bulk(platform, db).RunAsync(Officer, ids.Take(3).ToList(), "return", "  ", null, default);
            Assert.All(missingReason, r => Assert.Equal((TaskActionStatus.Invalid, "Cần nêu lý do cho 'return' / A reason is required for 'return'."), (r.Status, r.Message)));
            var results = await Bulk(platform, db).RunAsync(Officer, [.. ids, unknown, ids[0]], "verify", null, new SynchronousProgress(reported), default);

            Assert.Equal(231, results.Count); // the repeated id once
            Assert.Equal(ids.Append(unknown), results.Select(r => r.TaskId));
            Assert.Equal(229, results.Count(r => r.Status == TaskActionStatus.Done));
            Assert.Equal((TaskActionStatus.TakenByAnother, "Công việc đang do Cán bộ Hai xử lý / This task is being handled by Cán bộ Hai."),
                (results[150].Status, results[150].Message));
            Assert.Equal(TaskActionStatus.NotFound, results[230].Status);
            Assert.Equal([100, 200, 231], reported);
        }

        await using var check = platform.NewContext();
        Assert.Equal([ids[150]], await check.Tasks.Select(t => t.Id).ToListAsync());
        Assert.Equal(229, await check.Bookmarks.CountAsync(b => b.Kind == "signal" && b.StepId == "locked"));
        Assert.Equal(229, await check.Journal.CountAsync(j => j.StepId == "check" && j.Event == "completed" && j.Outcome == "verify" && j.Actor == "officer-1"));
        Assert.Equal(229, await check.Audit.CountAsync(a => a.Action == "task.complete" && a.Detail == "check: verify"));
        Assert.Equal(229, await check.Instances.CountAsync(i => i.Revision == 2));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.Postgres, true)]
    public async Task Should_go_one_by_one_when_a_task_is_claimed_or_an_instance_changed_between_read_and_write(DatabaseProvider provider, bool claimed)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Registration);
        var ids = await StartAsync(platform, 40);
        Guid changed;
        await using (var db = platform.NewContext())
            changed = await db.Tasks.Where(t => t.Id == ids[20]).Select(t => t.InstanceId).SingleAsync();
        var meanwhile = new Meanwhile(async () =>
        {
            await using var other = platform.NewContext();
            if (claimed)
                await other.Tasks.Where(t => t.Id == ids[5]).ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, "officer-2").SetProperty(x => x.ClaimedByName, "Cán bộ Hai"));
            else
                await other.Instances.Where(i => i.Id == changed).ExecuteUpdateAsync(i => i.SetProperty(x => x.Revision, x => x.Revision + 1));
        });
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceExtensions.Configure(builder, platform.Database);
        await using (var db = new AppDbContext(builder.AddInterceptors(meanwhile).Options))
        {
            var results = await Bulk(platform, db).RunAsync(Officer, ids, "verify", null, null, default);

            Assert.Equal(claimed ? TaskActionStatus.TakenByAnother : TaskActionStatus.Done, results[5].Status);
            Assert.Equal(claimed ? 39 : 40, results.Count(r => r.Status == TaskActionStatus.Done));
        }

        await using var check = platform.NewContext();
        Assert.Equal(claimed ? [ids[5]] : [], await check.Tasks.Select(t => t.Id).ToListAsync());
        Assert.Equal(claimed ? 39 : 40, await check.Journal.CountAsync(j => j.StepId == "check" && j.Event == "completed"));
        Assert.Equal(claimed ? 39 : 40, await check.Audit.CountAsync(a => a.Action == "task.complete"));
        // The other change kept, then the instance resumed once on top of it.
        Assert.Equal(claimed ? 2 : 3, (await check.Instances.SingleAsync(i => i.Id == changed)).Revision);
    }

    [Fact]
    public async Task Should_claim_a_chunk_of_100_through_the_primary_key_not_by_reading_every_unclaimed_task()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite, Registration);
        await using var db = platform.NewContext();
        var plan = await QueryPlans.SqliteAsync(db, db.Tasks.Where(BulkCompletion.Claimable(Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList(), "officer-1")));

        Assert.Contains(plan, p => p.Contains("SEARCH t USING INDEX sqlite_autoindex_tasks_1 (Id=?)") || p.Contains("SEARCH t USING PRIMARY KEY"));
        Assert.DoesNotContain(plan, p => p.Contains("ClaimedBy"));
    }

    private sealed class SynchronousProgress(List<int> into) : IProgress<int>
    {
        public void Report(int value) => into.Add(value);
    }
}
