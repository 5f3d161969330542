using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Workflows.Runtime;

/// <summary>
/// Runs a definition against an instance state until every branch waits, and reports what changed. Pure: no I/O, no
/// clock of its own, no state kept between calls — the host loads the state, calls once, saves the result in one
/// transaction. A refused stimulus leaves the state untouched.
/// </summary>
public sealed class WorkflowRunner(IActivityResolver activities)
{
    /// <summary>Steps one call may execute before the run is stopped as a loop (an incident, not a hung worker).</summary>
    public const int MaxStepsPerCall = 1000;

    public RunResult Start(WorkflowDefinition definition, Guid instanceId, JsonObject? input, string actor, DateTimeOffset now,
        ISequenceSource? sequences = null)
    {
        var state = new WorkflowState
        {
            InstanceId = instanceId,
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = InstanceStatus.Running,
            Variables = (JsonObject?)input?.DeepClone() ?? [],
        };
        // The settings as they are now stay with the instance: a later override applies to new instances only.
        if (definition.Settings.Count > 0)
            state.Variables[DefinitionValidator.SettingsVariable] = definition.SettingValues();
        var run = new Run(definition, state, actor, now, activities, sequences);
        run.Journal(definition.Flow.Start, JournalEvents.Started, null, $"{definition.Id} v{definition.Version}");
        return run.Continue([definition.Flow.Start]);
    }

    /// <summary>
    /// Starts an instance and at once resumes the wait <paramref name="answer"/> names among those the start opened (a
    /// submission: the first form answered). One result for both calls — a wait opened and closed within it is in neither
    /// list — so the host stores the state once instead of storing it, reading it back and storing it again. Refused,
    /// with nothing to save, when the resume is.
    /// </summary>
    public RunResult StartAndResume(WorkflowDefinition definition, Guid instanceId, JsonObject? input, string actor, DateTimeOffset now,
        Func<RunResult, Stimulus> answer, ISequenceSource? sequences = null)
    {
        var started = Start(definition, instanceId, input, actor, now, sequences);
        var resumed = Resume(definition, started.State, answer(started), now, sequences);
        if (resumed.Refused)
            return resumed;
        var closed = resumed.Closed.Select(b => b.Id).ToHashSet();
        var opened = started.Opened.Select(b => b.Id).ToHashSet();
        return new RunResult(resumed.State,
            [.. started.Opened.Where(b => !closed.Contains(b.Id)), .. resumed.Opened],
            [.. resumed.Closed.Where(b => !opened.Contains(b.Id))],
            [.. started.Journal, .. resumed.Journal],
            [.. started.Outbox, .. resumed.Outbox]);
    }

    public RunResult Resume(WorkflowDefinition definition, WorkflowState state, Stimulus stimulus, DateTimeOffset now, ISequenceSource? sequences = null)
    {
        if (state.Status != InstanceStatus.Waiting)
            return Refuse(state, RefusalReason.InstanceNotWaiting,
                $"Hồ sơ không còn chờ xử lý ({state.Status}) / The instance is not waiting (it is {state.Status}).");
        var bookmark = state.Bookmarks.Find(b => b.Id == stimulus.BookmarkId);
        if (bookmark is null)
            return Refuse(state, RefusalReason.UnknownBookmark,
                "Thao tác này đã được thực hiện hoặc không còn hiệu lực / This action was already taken or is no longer open.");
        if (bookmark.Kind != stimulus.Kind)
            return Refuse(state, RefusalReason.KindMismatch, $"Expected a {bookmark.Kind} stimulus, got {stimulus.Kind}.");

        var step = definition.Flow.Steps[bookmark.StepId];
        var activity = activities.Resolve(step.Type);
        var scratch = new List<OutboxRequest>();
        if (activity.Check(new ActivityContext(definition, step, state, now, stimulus.Actor, scratch), bookmark, stimulus) is { } refusal)
            return new RunResult(state, [], [], [], [], refusal);

        state = state.Clone();
        state.Status = InstanceStatus.Running;
        var run = new Run(definition, state, stimulus.Actor, now, activities, sequences);
        run.Close(bookmark);
        return run.ResumeStep(step, activity, bookmark, stimulus);
    }

    /// <summary>Runs the faulted step again (an administrator's retry of an incident).</summary>
    public RunResult Retry(WorkflowDefinition definition, WorkflowState state, string actor, DateTimeOffset now, ISequenceSource? sequences = null)
    {
        if (state.Status != InstanceStatus.Faulted || state.Fault is null)
            return Refuse(state, RefusalReason.NotFaulted, "Hồ sơ không ở trạng thái lỗi / The instance has no fault to retry.");
        var stepId = state.Fault.StepId;
        state = state.Clone();
        state.Fault = null;
        state.Status = InstanceStatus.Running;
        var run = new Run(definition, state, actor, now, activities, sequences);
        run.Journal(stepId, JournalEvents.Retried, null, null);
        return run.Continue([stepId]);
    }

    /// <summary>Ends the instance at once (withdrawal, cancellation): every open wait is closed.</summary>
    public RunResult Cancel(WorkflowDefinition definition, WorkflowState state, string actor, string reason, DateTimeOffset now, string result = "cancelled")
    {
        if (state.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            return Refuse(state, RefusalReason.InstanceNotWaiting, "Hồ sơ đã kết thúc / The instance has already ended.");
        state = state.Clone();
        var run = new Run(definition, state, actor, now, activities);
        foreach (var bookmark in state.Bookmarks.ToList())
            run.Close(bookmark);
        state.Status = InstanceStatus.Cancelled;
        state.Result = result;
        run.Journal(definition.Flow.Start, JournalEvents.Cancelled, null, reason);
        return run.Result();
    }

    /// <summary>
    /// Continues the flow from <paramref name="restartAt"/> after the data changed outside any wait (the applicant's edit of
    /// a submitted form): only while the instance waits at one of <paramref name="whileAt"/>; every open wait is closed (as
    /// on cancellation: tasks, payments, timers), <paramref name="variables"/> replace those of the same names, the journal
    /// says who and why, and the run goes on as if <paramref name="restartAt"/> had just been reached.
    /// </summary>
    public RunResult Restart(WorkflowDefinition definition, WorkflowState state, IReadOnlyCollection<string> whileAt, string restartAt,
        JsonObject variables, string actor, string summary, DateTimeOffset now, ISequenceSource? sequences = null)
    {
        if (state.Status != InstanceStatus.Waiting)
            return Refuse(state, RefusalReason.InstanceNotWaiting,
                $"Hồ sơ không còn chờ xử lý ({state.Status}) / The instance is not waiting (it is {state.Status}).");
        if (!state.Bookmarks.Any(b => whileAt.Contains(b.StepId)))
            return Refuse(state, RefusalReason.NotAtStep,
                "Hồ sơ đã qua bước cho phép sửa / The dossier has moved past the steps at which it may be changed.");
        if (!definition.Flow.Steps.ContainsKey(restartAt))
            throw new ArgumentException($"No step '{restartAt}' in {definition.Id} v{definition.Version}.", nameof(restartAt));
        state = state.Clone();
        state.Status = InstanceStatus.Running;
        var run = new Run(definition, state, actor, now, activities, sequences);
        foreach (var bookmark in state.Bookmarks.ToList())
            run.Close(bookmark);
        state.JoinArrivals.Clear();
        foreach (var (name, value) in variables)
            state.Variables[name] = value?.DeepClone();
        run.Journal(definition.Flow.Start, JournalEvents.Edited, null, summary);
        return run.Continue([restartAt]);
    }

    private static RunResult Refuse(WorkflowState state, RefusalReason reason, string message) =>
        new(state, [], [], [], [], new Refusal(reason, message));
}
