using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// "Deadline approaching": an open wait whose step declares <c>remind: { template, before }</c> (a payment, an amendment)
/// is due for its reminder from <c>DueAt − before</c> (<see cref="BookmarkRecord.RemindAt"/>, set when the wait opened)
/// until its due time. Then one "notification" outbox message (the template, the instance, the wait's step and due time,
/// so the message can say "before dd/MM/yyyy HH:mm") is queued and the bookmark marked reminded, in one transaction
/// guarded by "not yet reminded": several nodes never remind twice. A wait answered or expired is gone, and is never
/// reminded; nor is one already past its due time (the timer expires it instead).
/// </summary>
public sealed class DeadlineReminderWork(AppDbContext db, DefinitionRegistry definitions, TimeProvider clock, ILogger<DeadlineReminderWork> logger)
    : IBackgroundWork
{
    public const int BatchSize = 100;

    public string Name => "deadline-reminders";

    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await (
                from bookmark in db.Bookmarks.AsNoTracking()
                where bookmark.RemindAt != null && bookmark.RemindAt <= now && bookmark.RemindedAt == null && bookmark.DueAt > now
                join instance in db.Instances.AsNoTracking() on bookmark.InstanceId equals instance.Id
                orderby bookmark.RemindAt
                select new { bookmark.Id, bookmark.InstanceId, bookmark.StepId, bookmark.DueAt, instance.DefinitionId, instance.DefinitionVersion })
            .Take(BatchSize).ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var wait in due)
        {
            var step = definitions.Find(wait.DefinitionId, wait.DefinitionVersion)?.Flow.Steps.GetValueOrDefault(wait.StepId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Bookmarks.Where(b => b.Id == wait.Id && b.RemindedAt == null)
                    .ExecuteUpdateAsync(b => b.SetProperty(x => x.RemindedAt, now), cancellationToken) == 0)
                continue; // another node reminded it, or the wait closed meanwhile
            if (step?.Settings is not IRemindingStep { Remind: { } remind })
            {
                // Only a version that no longer loads can get here; marked so that it is not looked at again.
                logger.LogError("Wait {Bookmark} ({Definition} v{Version}, step {Step}) is due for a reminder its definition does not declare",
                    wait.Id, wait.DefinitionId, wait.DefinitionVersion, wait.StepId);
                await transaction.CommitAsync(cancellationToken);
                continue;
            }
            db.Outbox.Add(new OutboxMessageRecord
            {
                Id = Guid.CreateVersion7(), Kind = "notification", InstanceId = wait.InstanceId, Status = OutboxStatus.Pending, DueAt = now, CreatedAt = now,
                PayloadJson = new JsonObject
                {
                    ["instanceId"] = wait.InstanceId,
                    ["template"] = remind.Template,
                    ["to"] = "applicant",
                    ["waitStep"] = wait.StepId,
                    ["dueAt"] = new DateTimeOffset(DateTime.SpecifyKind(wait.DueAt!.Value, DateTimeKind.Utc)).ToString("O"),
                }.ToJsonString(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            reminded++;
        }
        return reminded;
    }
}
