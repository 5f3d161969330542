using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>What an activity sees of the run: the definition, its step, the instance's variables, the time and the actor.</summary>
public sealed class ActivityContext(WorkflowDefinition definition, StepDefinition step, WorkflowState state, DateTimeOffset now, string actor, List<OutboxRequest> outbox,
    ISequenceSource? sequences = null)
{
    public WorkflowDefinition Definition { get; } = definition;
    public StepDefinition Step { get; } = step;
    public WorkflowState State { get; } = state;
    public JsonObject Variables => State.Variables;
    public DateTimeOffset Now { get; } = now;
    public string Actor { get; } = actor;

    /// <summary>The host's counters for <c>number</c> steps in this call (null when the host gives none).</summary>
    public ISequenceSource? Sequences { get; } = sequences;

    /// <summary>Asks the host to deliver something outside the process (written to the outbox with this step's changes).</summary>
    public void Send(string kind, JsonObject payload) => outbox.Add(new OutboxRequest(kind, payload));
}
