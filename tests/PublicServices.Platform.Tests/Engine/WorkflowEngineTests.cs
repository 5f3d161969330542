using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Tests.Runtime;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Platform.Tests.Engine;

public sealed class WorkflowEngineTests
{
    private static WorkflowEngine Engine(TestPlatform platform, AppDbContext db) =>
        ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db);

    private static async Task<Guid> StartAsync(TestPlatform platform, string definitionId)
    {
        await using var db = platform.NewContext();
        var outcome = Engine(platform, db).Start(definitionId, new JsonObject { ["name"] = "Nguyễn Văn An" }, "applicant");
        await db.SaveChangesAsync();
        return outcome.Instance!.Id;
    }

    private static async Task<Stimulus> OpenStimulusAsync(TestPlatform platform, Guid instanceId, string outcome, string? reason = null)
    {
        await using var db = platform.NewContext();
        var bookmark = await db.Bookmarks.SingleAsync(b => b.InstanceId == instanceId);
        return new Stimulus(bookmark.Id, bookmark.Kind, outcome, "actor") { Reason = reason };
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_persist_a_run_from_start_to_end_in_one_transaction_per_step(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Application());
        var id = await StartAsync(platform, "demo");

        foreach (var (outcome, reason) in new[] { ("submitted", (string?)null), ("refuse", "Thiếu bản dịch") })
        {
            var stimulus = await OpenStimulusAsync(platform, id, outcome, reason);
            await using var db = platform.NewContext();
            Assert.False((await Engine(platform, db).ResumeAsync(stimulus, default)).Refused);
            await db.SaveChangesAsync();
        }

        await using var check = platform.NewContext();
        var instance = await check.Instances.SingleAsync(i => i.Id == id);
        Assert.Equal("Completed", instance.Status);
        Assert.Equal("refused", instance.Result);
        Assert.Equal(3, instance.Revision);
        Assert.Empty(await check.Bookmarks.Where(b => b.InstanceId == id).ToListAsync());
        var journal = await check.Journal.Where(j => j.InstanceId == id).OrderBy(j => j.Id).Select(j => j.Event + ":" + j.StepId).ToListAsync();
        Assert.Equal(["started:apply", "waiting:apply", "completed:apply", "waiting:intake", "completed:intake", "ended:refused"], journal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_let_only_one_of_two_concurrent_resumes_win(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Application());
        var id = await StartAsync(platform, "demo");
        var stimulus = await OpenStimulusAsync(platform, id, "submitted");
        await using var first = platform.NewContext();
        await using var second = platform.NewContext();

        Assert.False((await Engine(platform, first).ResumeAsync(stimulus, default)).Refused);
        Assert.False((await Engine(platform, second).ResumeAsync(stimulus, default)).Refused);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = platform.NewContext();
        Assert.Equal(2, (await check.Instances.SingleAsync(i => i.Id == id)).Revision);
        Assert.Equal(1, await check.Journal.CountAsync(j => j.InstanceId == id && j.Event == "completed"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_fire_a_timer_once_when_two_workers_race(DatabaseProvider provider)
    {
        var timed = Definition("timed", 1, "pause",
            Step("pause", "wait", new WaitStepSettings { For = new DurationSpec(1, DurationUnit.Hours) }, ("done", "tell")),
            Step("tell", "notify", new NotifyStepSettings("deadline-approaching"), ("done", "end")),
            Step("end", "end", new EndStepSettings("done")));
        await using var platform = await TestPlatform.CreateAsync(provider, timed);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
            ids.Add(await StartAsync(platform, "timed"));
        platform.Clock.Advance(TimeSpan.FromHours(2));

        var workers = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            var work = ActivatorUtilities.CreateInstance<TimerWork>(platform.Services);
            while (await work.RunOnceAsync($"node-{n}", default) > 0) { }
        }));
        await Task.WhenAll(workers);

        await using var check = platform.NewContext();
        Assert.Equal(20, await check.Instances.CountAsync(i => i.Status == "Completed"));
        Assert.Equal(20, await check.Outbox.CountAsync(m => m.Kind == "notification"));
        Assert.Equal(20, await check.Journal.CountAsync(j => j.StepId == "pause" && j.Event == "completed"));
    }

    [Fact]
    public async Task Should_redo_a_timer_once_after_a_worker_crashed_between_claim_and_completion()
    {
        var timed = Definition("timed", 1, "pause",
            Step("pause", "wait", new WaitStepSettings { For = new DurationSpec(1, DurationUnit.Hours) }, ("done", "end")),
            Step("end", "end", new EndStepSettings("done")));
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite, timed);
        var id = await StartAsync(platform, "timed");
        platform.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = platform.NewContext())
            await new LeaseClaims(platform.Database).ClaimDueBookmarksAsync(db, "crashed", platform.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), 10, default);
        var work = ActivatorUtilities.CreateInstance<TimerWork>(platform.Services);

        var whileLeased = await work.RunOnceAsync("survivor", default);
        platform.Clock.Advance(TimeSpan.FromMinutes(3));
        var afterExpiry = await work.RunOnceAsync("survivor", default);
        var again = await work.RunOnceAsync("survivor", default);

        await using var check = platform.NewContext();
        Assert.Equal((0, 1, 0), (whileLeased, afterExpiry, again));
        Assert.Equal("Completed", (await check.Instances.SingleAsync(i => i.Id == id)).Status);
        Assert.Equal(1, await check.Journal.CountAsync(j => j.StepId == "pause" && j.Event == "completed"));
    }

    [Fact]
    public async Task Should_record_an_incident_for_a_failing_step_and_resume_on_retry()
    {
        var failing = Definition("failing", 1, "send",
            Step("send", "explode", new ExplodingSettings(new StrongBox<int>(1)), ("done", "end")),
            Step("end", "end", new EndStepSettings("sent")));
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite);
        platform.Services.GetRequiredService<PublicServices.Workflows.Activities.ActivityRegistry>().Add<ExplodingActivity, ExplodingSettings>("explode");
        platform.Services.GetRequiredService<DefinitionRegistry>().Add(failing);
        var id = await StartAsync(platform, "failing");

        await using (var db = platform.NewContext())
        {
            var incident = await db.Incidents.SingleAsync(i => i.InstanceId == id);
            Assert.Equal("send", incident.StepId);
            Assert.Equal("Faulted", (await db.Instances.SingleAsync(i => i.Id == id)).Status);
            var service = ActivatorUtilities.CreateInstance<IncidentService>(platform.Services, db, Engine(platform, db));
            Assert.Equal(RetryOutcome.Retried, await service.RetryAsync(incident.Id, "admin@demo.gov.vn", default));
        }

        await using var check = platform.NewContext();
        Assert.Equal("Completed", (await check.Instances.SingleAsync(i => i.Id == id)).Status);
        Assert.NotNull((await check.Incidents.SingleAsync(i => i.InstanceId == id)).ResolvedAt);
    }

    [Fact]
    public async Task Should_keep_an_instance_on_its_version_after_a_new_version_is_loaded()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite, Application(version: 1));
        var id = await StartAsync(platform, "demo");
        platform.Services.GetRequiredService<DefinitionRegistry>().Add(Definition("demo", 2, "apply",
            Step("apply", "form", new FormStepSettings("application"), ("submitted", "done"), ("expired", "done")),
            Step("done", "end", new EndStepSettings("auto"))));

        var stimulus = await OpenStimulusAsync(platform, id, "submitted");
        await using var db = platform.NewContext();
        await Engine(platform, db).ResumeAsync(stimulus, default);
        await db.SaveChangesAsync();
        var fresh = await StartAsync(platform, "demo");

        await using var check = platform.NewContext();
        Assert.Equal("task", (await check.Bookmarks.SingleAsync(b => b.InstanceId == id)).Kind);
        Assert.Equal(2, (await check.Instances.SingleAsync(i => i.Id == fresh)).DefinitionVersion);
    }
}
