using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;

namespace PublicServices.Platform.Tasks;

/// <summary>
/// Escalation of overdue tasks: once a task passes its due time, the officials holding its <c>escalateTo</c> role in the
/// same unit get an in-app message (template <c>task-overdue</c>) and the task is marked escalated. Marking and messages
/// are one transaction guarded by "not yet escalated", so two nodes never escalate the same task twice.
/// </summary>
public sealed class TaskEscalationWork(AppDbContext db, DefinitionRegistry definitions, NotificationTemplateCatalog templates, TimeProvider clock)
    : IBackgroundWork
{
    public const string Template = "task-overdue";

    public string Name => "task-escalation";

    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Tasks.AsNoTracking().Where(t => t.EscalatedAt == null && t.QueueOrder < now && t.EscalateTo != null)
            .OrderBy(t => t.QueueOrder).Take(100).ToListAsync(cancellationToken);
        var template = templates.Find(Template) ?? throw new InvalidOperationException($"No notification template '{Template}'.");
        var escalated = 0;
        foreach (var task in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Tasks.Where(t => t.Id == task.Id && t.EscalatedAt == null).ExecuteUpdateAsync(t => t.SetProperty(x => x.EscalatedAt, now), cancellationToken) == 0)
                continue;
            var leaders = await db.HoldingRole(task.EscalateTo!, task.UnitCode).Select(u => u.Id).ToListAsync(cancellationToken);
            var title = definitions.Get(task.ProcedureId, task.ProcedureVersion).Title;
            var dueDate = DueDates.LocalDate(new DateTimeOffset(task.DueAt!.Value, TimeSpan.Zero)).ToString("dd/MM/yyyy");
            object Model(string procedure) => new Dictionary<string, object?> { ["code"] = task.DossierCode, ["procedure"] = procedure, ["dueDate"] = dueDate };
            foreach (var leader in leaders)
                db.Notifications.Add(new NotificationRecord
                {
                    Id = Guid.CreateVersion7(), RecipientId = leader, DossierCode = task.DossierCode, Template = Template,
                    Channel = "in-app", Status = "sent", CreatedAt = now, SentAt = now,
                    SubjectVi = template.SubjectVi(Model(title.Vi)), BodyVi = template.BodyVi(Model(title.Vi)),
                    SubjectEn = template.SubjectEn(Model(title.En)), BodyEn = template.BodyEn(Model(title.En)),
                });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            escalated++;
        }
        return escalated;
    }
}
