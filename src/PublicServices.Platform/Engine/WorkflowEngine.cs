using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Sequences;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The engine on the database: loads an instance, runs the pure <see cref="WorkflowRunner"/> once, and stages every change
/// — state with its revision check, bookmarks, journal, outbox, incident — on the caller's context. The caller adds its
/// own changes (a dossier, a payment) and saves once: one transaction per step. A concurrent save of the same instance
/// fails with <see cref="DbUpdateConcurrencyException"/> and nothing of that call is written.
/// </summary>
public sealed class WorkflowEngine(AppDbContext db, DefinitionRegistry definitions, WorkflowRunner runner, TimeProvider clock)
{
    public const string DocumentOutboxKind = "document.issue";

    /// <summary>Counters of <c>number</c> steps, saved with this context's next <c>SaveChanges</c> (see <see cref="DbSequenceSource"/>).</summary>
    private readonly DbSequenceSource sequences = new(db);

    /// <summary>
    /// When set (a batch signal's chunk, a group of submissions), the rows this context would only add — instances started,
    /// bookmarks and tasks opened, journal lines, outbox messages — and the bookmarks of waits
    /// other than tasks closed are collected here instead of being tracked; the caller writes them with
    /// <see cref="BulkRows.WriteAsync"/> in the transaction of its <c>SaveChanges</c>. Instances resumed (their revision
    /// check), tasks closed that were not opened in this unit of work, incidents and counters stay on the context.
    /// </summary>
    public BulkRows? Bulk { get; set; }

    public EngineOutcome Start(string definitionId, JsonObject? input, string actor, Guid? instanceId = null) =>
        StartRun(definitionId, (definition, now) => runner.Start(definition, instanceId ?? Guid.CreateVersion7(), input, actor, now, sequences));

    /// <summary>Starts an instance and answers at once the wait <paramref name="answer"/> names (a submission's first form):
    /// one run staged, the state serialized once (<see cref="WorkflowRunner.StartAndResume"/>). Refused, with nothing
    /// staged, when the answer is.</summary>
    public EngineOutcome StartAndResume(string definitionId, JsonObject? input, string actor, Func<RunResult, Stimulus> answer) =>
        StartRun(definitionId, (definition, now) => runner.StartAndResume(definition, Guid.CreateVersion7(), input, actor, now, answer, sequences));

    /// <summary>A new instance of the procedure's latest version, run by <paramref name="start"/>, added and staged unless refused.</summary>
    private EngineOutcome StartRun(string definitionId, Func<Workflows.Definitions.WorkflowDefinition, DateTimeOffset, RunResult> start)
    {
        var definition = definitions.Latest(definitionId);
        if (definition is null)
            return EngineOutcome.Refuse(RefusalReason.UnknownBookmark, $"Không có thủ tục '{definitionId}' / No procedure '{definitionId}'.");
        var now = clock.GetUtcNow();
        // Time-ordered ids (here, for bookmarks, outbox messages, notifications and documents): a new row lands at the
        // right edge of each id index, where the rows of the same group commit share pages, instead of on a random page
        // of each — a submission wrote ≈ 16 pages to the log with random ids.
        var run = start(definition, now);
        return run.Refused ? new EngineOutcome(null, run, run.Refusal) : new EngineOutcome(Add(definition, run, now), run, null);
    }

    /// <summary>The new instance of a run that started one, added and staged.</summary>
    private InstanceRecord Add(Workflows.Definitions.WorkflowDefinition definition, RunResult run, DateTimeOffset now)
    {
        var instance = new InstanceRecord
        {
            Id = run.State.InstanceId,
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = run.State.Status.ToString(),
            StateJson = "",
            CreatedAt = now.UtcDateTime,
        };
        if (Bulk is not null)
            Bulk.Instances.Add(instance);
        else
            db.Instances.Add(instance);
        Stage(instance, run, now);
        return instance;
    }

    public async Task<EngineOutcome> ResumeAsync(Stimulus stimulus, CancellationToken cancellationToken)
    {
        var bookmark = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == stimulus.BookmarkId, cancellationToken);
        if (bookmark is null)
            return EngineOutcome.Refuse(RefusalReason.UnknownBookmark,
                "Thao tác này đã được thực hiện hoặc không còn hiệu lực / This action was already taken or is no longer open.");
        var instance = await db.Instances.SingleAsync(i => i.Id == bookmark.InstanceId, cancellationToken);
        return Resume(instance, stimulus);
    }

    /// <summary>Resumes an instance the caller already loaded (tracked by this context), e.g. a chunk of a batch signal.</summary>
    public EngineOutcome Resume(InstanceRecord instance, Stimulus stimulus) =>
        Apply(instance, (definition, state, now) => runner.Resume(definition, state, stimulus, now, sequences));

    public async Task<EngineOutcome> RetryAsync(Guid instanceId, string actor, CancellationToken cancellationToken)
    {
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId, cancellationToken);
        return Apply(instance, (definition, state, now) => runner.Retry(definition, state, actor, now, sequences));
    }

    public async Task<EngineOutcome> CancelAsync(Guid instanceId, string actor, string reason, CancellationToken cancellationToken, string result = "cancelled")
    {
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId, cancellationToken);
        return Apply(instance, (definition, state, now) => runner.Cancel(definition, state, actor, reason, now, result));
    }

    /// <summary>
    /// The applicant's edit of a submitted start form (<c>edits:</c>): closes every open wait (tasks leave the queues) and
    /// continues from <paramref name="restartAt"/>, with the instance's revision check like any other call.
    /// </summary>
    public EngineOutcome Restart(InstanceRecord instance, IReadOnlyCollection<string> whileAt, string restartAt, JsonObject variables, string actor, string summary) =>
        Apply(instance, (definition, state, now) => runner.Restart(definition, state, whileAt, restartAt, variables, actor, summary, now, sequences));

    private EngineOutcome Apply(InstanceRecord instance, Func<Workflows.Definitions.WorkflowDefinition, WorkflowState, DateTimeOffset, RunResult> call)
    {
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var now = clock.GetUtcNow();
        var run = call(definition, WorkflowStateJson.Deserialize(instance.StateJson), now);
        if (run.Refused)
            return new EngineOutcome(instance, run, run.Refusal);
        Stage(instance, run, now);
        return new EngineOutcome(instance, run, null);
    }

    private void Stage(InstanceRecord instance, RunResult run, DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        instance.StateJson = WorkflowStateJson.Serialize(run.State);
        instance.Status = run.State.Status.ToString();
        instance.Result = run.State.Result;
        instance.UpdatedAt = at;
        instance.Revision++;

        // A withdrawn or cancelled dossier no longer holds its `uniqueBy` key: the same person may apply again.
        if (run.State.Status is InstanceStatus.Completed or InstanceStatus.Cancelled && run.State.Result is "withdrawn" or "cancelled"
            && (db.Dossiers.Local.SingleOrDefault(d => d.InstanceId == instance.Id)
                ?? db.Dossiers.SingleOrDefault(d => d.InstanceId == instance.Id && d.UniqueKey != null)) is { UniqueKey: not null } holder)
            holder.UniqueKey = null;
        foreach (var closed in run.Closed)
        {
            if (Bulk is not null && Bulk.TryForget(closed))
                continue;
            db.Bookmarks.Remove(db.Bookmarks.Local.SingleOrDefault(b => b.Id == closed.Id)
                                ?? db.Bookmarks.Attach(new BookmarkRecord { Id = closed.Id, StepId = closed.StepId, Kind = closed.Kind }).Entity);
            if (closed.Kind == BookmarkKinds.Task)
                db.Tasks.Remove(db.Tasks.Local.SingleOrDefault(t => t.Id == closed.Id) ?? db.Tasks.Attach(new TaskRecord { Id = closed.Id }).Entity);
        }
        foreach (var opened in run.Opened)
        {
            var bookmark = new BookmarkRecord
            {
                Id = opened.Id, InstanceId = instance.Id, StepId = opened.StepId, Kind = opened.Kind, Key = opened.Key,
                DueAt = opened.DueAt?.UtcDateTime, RemindAt = opened.RemindAt?.UtcDateTime, CreatedAt = at,
                Dataset = opened.Kind == BookmarkKinds.Signal ? (string?)opened.Data?[WaitActivity.DatasetProperty] : null,
                DataKey = opened.Kind == BookmarkKinds.Signal ? (string?)opened.Data?[WaitActivity.DataKeyProperty] : null,
            };
            if (Bulk is not null)
                Bulk.Opened.Add(bookmark);
            else
                db.Bookmarks.Add(bookmark);
            if (opened.Kind == BookmarkKinds.Task)
            {
                var task = TaskProjection.From(definitions.Get(instance.DefinitionId, instance.DefinitionVersion), run.State, opened, instance.CreatedAt, at);
                if (Bulk is not null)
                    Bulk.Tasks.Add(task);
                else
                    db.Tasks.Add(task);
            }
            if (opened.Kind == BookmarkKinds.Document)
                Enqueue(instance.Id, DocumentOutboxKind, new JsonObject { ["instanceId"] = instance.Id, ["bookmarkId"] = opened.Id, ["document"] = opened.Data?.DeepClone() }, at);
        }
        foreach (var entry in run.Journal)
        {
            var line = new JournalEntryRecord
            {
                InstanceId = instance.Id, StepId = entry.StepId, Event = entry.Event, Outcome = entry.Outcome,
                Actor = entry.Actor, At = entry.At.UtcDateTime, Summary = entry.Summary,
            };
            if (Bulk is not null)
                Bulk.Journal.Add(line);
            else
                db.Journal.Add(line);
        }
        foreach (var request in run.Outbox)
            Enqueue(instance.Id, request.Kind, request.Payload, at);
        if (run.State is { Status: InstanceStatus.Faulted, Fault: { } fault })
            db.Incidents.Add(new IncidentRecord
            {
                Id = Guid.CreateVersion7(), InstanceId = instance.Id, StepId = fault.StepId, Source = "step", Error = fault.Error, OccurredAt = at,
            });
    }

    private void Enqueue(Guid instanceId, string kind, JsonObject payload, DateTime at)
    {
        var message = new OutboxMessageRecord
        {
            Id = Guid.CreateVersion7(), Kind = kind, PayloadJson = payload.ToJsonString(WorkflowStateJson.Options), InstanceId = instanceId,
            Status = OutboxStatus.Pending, DueAt = at, CreatedAt = at,
        };
        if (Bulk is not null)
            Bulk.Outbox.Add(message);
        else
            db.Outbox.Add(message);
    }
}
