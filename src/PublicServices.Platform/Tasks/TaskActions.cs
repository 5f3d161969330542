using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Calendar;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Forms;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Tasks;

/// <summary>
/// What an official does to a task: claim it (a lock to one official), release it, have a leader reassign it, complete
/// it with one of the procedure's outcomes. A task claimed by someone else is refused with their name, never silently
/// overwritten; completing an unclaimed task claims it in the same transaction. Every action is audited.
/// </summary>
public sealed class TaskActions(
    AppDbContext db, TaskQueue queue, WorkflowEngine engine, DefinitionRegistry definitions, AuditLog audit, IWorkingCalendar calendar, TimeProvider clock)
{
    private const string Savepoint = "task_completion";

    private static readonly System.Text.Json.JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<TaskActionResult> ClaimAsync(OfficialScope who, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await queue.Visible(who).Where(t => t.Id == id && (t.ClaimedBy == null || t.ClaimedBy == who.UserId))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, who.UserId).SetProperty(x => x.ClaimedByName, who.UserName)
                .SetProperty(x => x.ClaimedAt, now), cancellationToken);
        if (claimed == 0)
            return await WhyNotAsync(who, id, cancellationToken);
        await audit.WriteAsync(who.Actor, "task.claim", id.ToString(), null, cancellationToken);
        return TaskActionResult.Done;
    }

    public async Task<TaskActionResult> ReleaseAsync(OfficialScope who, Guid id, CancellationToken cancellationToken)
    {
        var released = await queue.Visible(who).Where(t => t.Id == id && t.ClaimedBy == who.UserId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, (string?)null).SetProperty(x => x.ClaimedByName, (string?)null)
                .SetProperty(x => x.ClaimedAt, (DateTime?)null), cancellationToken);
        if (released == 0)
            return await WhyNotAsync(who, id, cancellationToken);
        await audit.WriteAsync(who.Actor, "task.release", id.ToString(), null, cancellationToken);
        return TaskActionResult.Done;
    }

    /// <summary>A leader of the unit gives the task to another official holding its role in the unit.</summary>
    public async Task<TaskActionResult> ReassignAsync(OfficialScope leader, Guid id, string toUserId, CancellationToken cancellationToken)
    {
        if (!leader.IsLeader || leader.UnitCode is null)
            return TaskActionResult.Invalid("Chỉ lãnh đạo đơn vị được giao lại việc / Only the unit's leader may reassign tasks.");
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.UnitCode == leader.UnitCode, cancellationToken);
        if (task is null)
            return TaskActionResult.NotFound;
        var target = await db.HoldingRole(task.Role, task.UnitCode).Where(u => u.Id == toUserId)
            .Select(u => new { u.Id, u.FullName }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
            return TaskActionResult.Invalid("Người nhận không có vai trò này trong đơn vị / That person does not hold this role in the unit.");
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Tasks.Where(t => t.Id == id).ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, target.Id)
            .SetProperty(x => x.ClaimedByName, target.FullName).SetProperty(x => x.ClaimedAt, now), cancellationToken);
        await audit.WriteAsync(leader.Actor, "task.reassign", id.ToString(), $"to {target.FullName} ({target.Id})", cancellationToken);
        return TaskActionResult.Done;
    }

    /// <summary>Completes the task with an outcome that has no fields of its own (see the overload with values).</summary>
    public Task<TaskActionResult> CompleteAsync(OfficialScope who, Guid id, string outcome, string? comment, IReadOnlyList<string>? fields,
        CancellationToken cancellationToken) =>
        CompleteAsync(who, id, outcome, comment, fields, null, cancellationToken);

    /// <summary>
    /// Completes the task with <paramref name="outcome"/>: the reason is required when the outcome says so,
    /// <paramref name="fields"/> (for a supplement request) must name fields of the procedure's forms, and
    /// <paramref name="values"/> are the values of the outcome's own fields (field id → value), which the engine checks
    /// like form values: refused values come back per field in <see cref="TaskActionResult.FieldErrors"/> and nothing changes.
    /// </summary>
    public async Task<TaskActionResult> CompleteAsync(OfficialScope who, Guid id, string outcome, string? comment, IReadOnlyList<string>? fields,
        JsonObject? values, CancellationToken cancellationToken)
    {
        var task = await queue.Visible(who).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
            return TaskActionResult.NotFound;
        comment = Reason(comment);
        if (Check(who, task, outcome, comment, fields, values, out var chosen) is { } refusal)
            return refusal;

        // Claim and complete atomically: if someone claimed it since we read it, they keep it. Inside a caller's
        // transaction (bulk work commits a chunk at once) the task gets a savepoint, so a refused item undoes only itself.
        var ambient = db.Database.CurrentTransaction;
        await using var own = ambient is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (ambient is not null)
            await ambient.CreateSavepointAsync(Savepoint, cancellationToken);
        async Task<TaskActionResult> UndoAsync(TaskActionResult result)
        {
            if (ambient is not null)
                await ambient.RollbackToSavepointAsync(Savepoint, cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var locked = await db.Tasks.Where(t => t.Id == id && (t.ClaimedBy == null || t.ClaimedBy == who.UserId))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, who.UserId).SetProperty(x => x.ClaimedByName, who.UserName)
                .SetProperty(x => x.ClaimedAt, now), cancellationToken);
        if (locked == 0)
            return await UndoAsync(await WhyNotAsync(who, id, cancellationToken));
        var payload = fields is { Count: > 0 } ? new JsonObject { ["fields"] = new JsonArray(fields.Distinct().Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()) } : null;
        var resumed = await engine.ResumeAsync(new Stimulus(id, BookmarkKinds.Task, outcome, who.UserId) { Reason = comment, Payload = payload, Fields = values },
            cancellationToken);
        if (resumed.Refused)
            return await UndoAsync(Refused(resumed.Refusal!));
        if (chosen.DossierDeadline is { Unit: DurationUnit.WorkingDays } deadline && task.DossierCode is { } code
            && await db.Dossiers.SingleOrDefaultAsync(d => d.Code == code, cancellationToken) is { } dossier)
        {
            try
            {
                dossier.DueDate = calendar.AddWorkingDays(DueDates.LocalDate(new DateTimeOffset(dossier.SubmittedAt, TimeSpan.Zero)), deadline.Amount);
            }
            catch (CalendarYearMissingException missing)
            {
                // The new due date falls in a year whose holidays are not loaded: refuse (nothing changes) rather than guess.
                return await UndoAsync(TaskActionResult.Invalid(
                    $"Chưa thể tính hạn mới: thiếu lịch ngày nghỉ năm {missing.Year}, vui lòng báo quản trị hệ thống / " +
                    $"The new deadline cannot be computed: the holidays of {missing.Year} are not loaded; please tell the administrators."));
            }
        }
        AuditCompletion(who, task, outcome, comment, values);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            else
                await ambient!.ReleaseSavepointAsync(Savepoint, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await UndoAsync(TaskActionResult.Invalid(
                "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại / The dossier was just changed by someone else; reload and try again."));
        }
        return TaskActionResult.Done;
    }

    /// <summary>A reason as it is kept: trimmed, and none when blank.</summary>
    internal static string? Reason(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();

    /// <summary>
    /// What is checked before anything changes (shared with <see cref="BulkCompletion"/>'s chunks): the task is not held by
    /// another official, the outcome is one of its step's, a required reason is given (<paramref name="comment"/> already
    /// passed through <see cref="Reason"/>), named fields exist, and an outcome with required fields has values.
    /// </summary>
    internal TaskActionResult? Check(OfficialScope who, TaskRecord task, string outcome, string? comment, IReadOnlyList<string>? fields,
        JsonObject? values, out TaskOutcome chosen)
    {
        chosen = null!;
        if (task.ClaimedBy is { } holder && holder != who.UserId)
            return TaskActionResult.Taken(task.ClaimedByName);
        var definition = definitions.Get(task.ProcedureId, task.ProcedureVersion);
        if (definition.Flow.Steps[task.StepId].Settings is not TaskStepSettings settings || !settings.Outcomes.TryGetValue(outcome, out chosen!))
            return TaskActionResult.Invalid($"Kết quả '{outcome}' không có ở bước này / '{outcome}' is not an outcome of this step.");
        if (chosen.RequiresReason && comment is null)
            return TaskActionResult.Invalid($"Cần nêu lý do cho '{chosen.Label.Vi}' / A reason is required for '{chosen.Label.En}'.");
        if (comment is { Length: > 2000 })
            return TaskActionResult.Invalid("Lý do tối đa 2.000 ký tự / The reason may have at most 2,000 characters.");
        if (fields is { Count: > 0 } && definition.Forms.Values.SelectMany(f => f.Pages).SelectMany(p => p.Fields).Select(f => f.Id).ToHashSet() is var known
            && fields.FirstOrDefault(f => !known.Contains(f)) is { } unknown)
            return TaskActionResult.Invalid($"Không có trường '{unknown}' / No field '{unknown}' in this procedure.");
        // Without any values (bulk work, an API call that forgot them) an outcome with required fields cannot be chosen.
        if (values is null && chosen.Fields.Where(f => f.Required).ToList() is { Count: > 0 } required)
            return TaskActionResult.Invalid(
                $"'{chosen.Label.Vi}' cần nhập {string.Join(", ", required.Select(f => f.Label.Vi))} cho từng hồ sơ; không thể chọn khi thiếu (kể cả xử lý hàng loạt) / " +
                $"'{chosen.Label.En}' needs {string.Join(", ", required.Select(f => f.Label.En))} for each dossier; it cannot be chosen without them (nor in bulk).")
                with { FieldErrors = required.Select(f => new FieldError(f.Id, FieldValues.Required(f))).ToList() };
        return null;
    }

    internal void AuditCompletion(OfficialScope who, TaskRecord task, string outcome, string? comment, JsonObject? values) =>
        audit.Append(who.Actor, "task.complete", task.DossierCode ?? task.Id.ToString(), $"{task.StepId}: {outcome}" + (comment is null ? "" : $" — {comment}")
            + (values is { Count: > 0 } ? " — " + values.ToJsonString(AuditJson) : ""));

    /// <summary>How the engine's refusal of a task's outcome reads to the official (per field when values were refused).</summary>
    internal static TaskActionResult Refused(Refusal refusal) =>
        refusal.Reason == RefusalReason.UnknownBookmark ? TaskActionResult.NotFound
            : TaskActionResult.Invalid(refusal.Message) with { FieldErrors = refusal.FieldProblems.Select(p => new FieldError(p.FieldId, p.Message)).ToList() };

    private async Task<TaskActionResult> WhyNotAsync(OfficialScope who, Guid id, CancellationToken cancellationToken) =>
        await queue.Visible(who).AsNoTracking().Where(t => t.Id == id).Select(t => new { t.ClaimedBy, t.ClaimedByName }).SingleOrDefaultAsync(cancellationToken) switch
        {
            null => TaskActionResult.NotFound,
            { ClaimedBy: not null } other when other.ClaimedBy != who.UserId => TaskActionResult.Taken(other.ClaimedByName),
            _ => TaskActionResult.Invalid("Bạn chưa nhận công việc này / You have not claimed this task."),
        };
}
