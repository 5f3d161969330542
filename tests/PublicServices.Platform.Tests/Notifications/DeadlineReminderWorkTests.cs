using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tests.Engine;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;
using PublicServices.Workflows.Runtime;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Platform.Tests.Notifications;

/// <summary>
/// A payment wait of 24 hours with <c>remind: { template: deadline-approaching, before: 6 hours }</c>: its reminder is
/// queued once between 18 and 24 hours after the wait opened — not before, not twice (also with two nodes at once), and
/// never for a wait that was answered.
/// </summary>
public sealed class DeadlineReminderWorkTests
{
    private static readonly WorkflowDefinition Fee = Definition("fee", 1, "pay",
        Step("pay", "payment", new PaymentStepSettings(JsonLogicRule.Parse(JsonValue.Create(20000)), new LocalizedText("Lệ phí", "Fee"),
            new DurationSpec(24, DurationUnit.Hours)) { Remind = new ReminderSettings("deadline-approaching", new DurationSpec(6, DurationUnit.Hours)) },
            ("paid", "done"), ("expired", "done"), ("cancelled", "done")),
        Step("done", "end", new EndStepSettings("done")));

    private static async Task<Guid> StartAsync(TestPlatform platform)
    {
        await using var db = platform.NewContext();
        var outcome = ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db).Start("fee", new JsonObject(), "applicant");
        await db.SaveChangesAsync();
        return outcome.Instance!.Id;
    }

    private static async Task<int> RemindAsync(TestPlatform platform)
    {
        using var scope = platform.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineReminderWork>().RunOnceAsync("test", CancellationToken.None);
    }

    private static async Task<List<OutboxMessageRecord>> RemindersAsync(TestPlatform platform, Guid instance)
    {
        await using var db = platform.NewContext();
        return await db.Outbox.AsNoTracking().Where(m => m.InstanceId == instance && m.Kind == "notification").ToListAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_queue_the_reminder_once_when_the_clock_enters_the_window(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Fee);
        var opened = platform.Clock.GetUtcNow();
        var instance = await StartAsync(platform);

        platform.Clock.Advance(TimeSpan.FromHours(17) + TimeSpan.FromMinutes(59));
        Assert.Equal(0, await RemindAsync(platform));
        Assert.Empty(await RemindersAsync(platform, instance));

        platform.Clock.Advance(TimeSpan.FromMinutes(2)); // 18:01 after opening: 5 h 59 min before the expiry
        Assert.Equal(1, await RemindAsync(platform));
        platform.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RemindAsync(platform));

        var reminder = Assert.Single(await RemindersAsync(platform, instance));
        var payload = JsonNode.Parse(reminder.PayloadJson)!;
        Assert.Equal("deadline-approaching", payload["template"]!.GetValue<string>());
        Assert.Equal(instance, payload["instanceId"]!.GetValue<Guid>());
        Assert.Equal("pay", payload["waitStep"]!.GetValue<string>());
        Assert.Equal(opened.AddHours(24), DateTimeOffset.Parse(payload["dueAt"]!.GetValue<string>()));
        Assert.Equal(OutboxStatus.Pending, reminder.Status);
        await using var db = platform.NewContext();
        Assert.NotNull((await db.Bookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == instance)).RemindedAt);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_not_remind_of_a_wait_that_was_answered_or_has_passed_its_due_time(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Fee);
        var paid = await StartAsync(platform);
        var late = await StartAsync(platform);
        await using (var db = platform.NewContext())
        {
            var wait = await db.Bookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == paid);
            Assert.False((await ActivatorUtilities.CreateInstance<WorkflowEngine>(platform.Services, db)
                .ResumeAsync(new Stimulus(wait.Id, BookmarkKinds.Payment, "paid", "gateway"), default)).Refused);
            await db.SaveChangesAsync();
        }

        platform.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)); // both past their due time; `late` still open

        Assert.Equal(0, await RemindAsync(platform));
        Assert.Empty(await RemindersAsync(platform, paid));
        Assert.Empty(await RemindersAsync(platform, late));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_remind_once_when_two_nodes_run_at_the_same_time(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider, Fee);
        var instances = new List<Guid>();
        for (var i = 0; i < 5; i++)
            instances.Add(await StartAsync(platform));
        platform.Clock.Advance(TimeSpan.FromHours(20));

        var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RemindUntilLockFreeAsync(platform))));

        Assert.Equal(5, counts.Sum());
        foreach (var instance in instances)
            Assert.Single(await RemindersAsync(platform, instance));
    }

    /// <summary>One node's pass; SQLite answers "database is locked" to a writer that waited too long, as it would in production — the next poll goes on.</summary>
    private static async Task<int> RemindUntilLockFreeAsync(TestPlatform platform)
    {
        var total = 0;
        for (var attempt = 0; attempt < 20; attempt++)
            try
            {
                var handled = await RemindAsync(platform);
                total += handled;
                if (handled == 0)
                    return total;
            }
            catch (DbUpdateException) { }
            catch (Microsoft.Data.Sqlite.SqliteException) { }
        return total;
    }
}
