using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Workflows.Runtime;

/// <summary>One engine call in progress: executes steps breadth-first from the given ones and collects the changes.</summary>
internal sealed class Run(WorkflowDefinition definition, WorkflowState state, string actor, DateTimeOffset now, IActivityResolver activities,
    ISequenceSource? sequences = null)
{
    private readonly List<Bookmark> opened = [];
    private readonly List<Bookmark> closed = [];
    private readonly List<JournalEntry> journal = [];
    private readonly List<OutboxRequest> outbox = [];

    public void Journal(string stepId, string @event, string? outcome, string? summary) =>
        journal.Add(new JournalEntry(stepId, @event, outcome, actor, now, summary));

    public void Close(Bookmark bookmark)
    {
        state.Bookmarks.Remove(bookmark);
        if (!opened.Remove(bookmark))
            closed.Add(bookmark);
    }

    public RunResult ResumeStep(StepDefinition step, IActivity activity, Bookmark bookmark, Stimulus stimulus)
    {
        var queue = new Queue<string>();
        if (!Apply(step, () => activity.Resume(Context(step), bookmark, stimulus), queue, stimulus.Reason))
            return Result();
        return Continue(queue);
    }

    public RunResult Continue(IEnumerable<string> startAt)
    {
        var queue = new Queue<string>(startAt);
        var executed = 0;
        while (queue.Count > 0 && state.Status == InstanceStatus.Running)
        {
            var stepId = queue.Dequeue();
            if (++executed > WorkflowRunner.MaxStepsPerCall)
            {
                Fault(stepId, $"More than {WorkflowRunner.MaxStepsPerCall} steps in one call: the flow loops without waiting.");
                break;
            }
            var step = definition.Flow.Steps[stepId];
            if (!Apply(step, () => activities.Resolve(step.Type).Execute(Context(step)), queue, null))
                break;
        }
        if (state.Status == InstanceStatus.Running)
            state.Status = state.Bookmarks.Count > 0 ? InstanceStatus.Waiting : InstanceStatus.Completed;
        return Result();
    }

    public RunResult Result() => new(state, opened, closed, journal, outbox);

    private ActivityContext Context(StepDefinition step) => new(definition, step, state, now, actor, outbox, sequences);

    /// <summary>Runs one activity call and schedules what follows; false when the run must stop (fault or end).</summary>
    private bool Apply(StepDefinition step, Func<ActivityResult> call, Queue<string> queue, string? summary)
    {
        ActivityResult result;
        try
        {
            result = call();
        }
        catch (Exception error)
        {
            Fault(step.Id, error.Message);
            return false;
        }
        switch (result)
        {
            case ActivityResult.Completed completed:
                Journal(step.Id, JournalEvents.Completed, completed.Name, completed.Summary ?? summary);
                if (step.Transitions.TryGetValue(completed.Name, out var next))
                    queue.Enqueue(next);
                else
                {
                    Fault(step.Id, $"Step {step.Id} has no transition for outcome '{completed.Name}'.");
                    return false;
                }
                return true;
            case ActivityResult.Waiting waiting:
                var request = waiting.Request;
                var bookmark = new Bookmark(Guid.CreateVersion7(), step.Id, request.Kind, request.Key, request.DueAt) { Data = request.Data, RemindAt = request.RemindAt };
                state.Bookmarks.Add(bookmark);
                opened.Add(bookmark);
                Journal(step.Id, JournalEvents.Waiting, null, request.Kind);
                return true;
            case ActivityResult.Forked forked:
                Journal(step.Id, JournalEvents.Completed, null, $"{forked.Branches.Count} branches");
                foreach (var branch in forked.Branches)
                    queue.Enqueue(branch);
                return true;
            case ActivityResult.Halted:
                return true;
            case ActivityResult.Ended ended:
                foreach (var open in state.Bookmarks.ToList())
                    Close(open);
                state.Status = InstanceStatus.Completed;
                state.Result = ended.Result;
                Journal(step.Id, JournalEvents.Ended, ended.Result, null);
                return false;
            default:
                throw new InvalidOperationException($"Unknown activity result {result}");
        }
    }

    private void Fault(string stepId, string error)
    {
        state.Status = InstanceStatus.Faulted;
        state.Fault = new FaultInfo(stepId, error, now);
        Journal(stepId, JournalEvents.Faulted, null, error);
    }
}
