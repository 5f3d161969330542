using System.Text.Json.Nodes;

namespace PublicServices.Workflows.Runtime;

/// <summary>
/// An open wait left by a step: the stimulus of <see cref="Kind"/> (and <see cref="Key"/> for signals) that resumes it,
/// and when it falls due (timers; deadlines of tasks and forms, after which the host sends a "due" stimulus).
/// </summary>
public sealed record Bookmark(Guid Id, string StepId, string Kind, string? Key, DateTimeOffset? DueAt)
{
    /// <summary>What the host needs to fulfil the wait (task role and unit, payment amount, document template…).</summary>
    public JsonObject? Data { get; init; }

    /// <summary>When the host sends the step's reminder (its <c>remind:</c>, counted back from <see cref="DueAt"/>).</summary>
    public DateTimeOffset? RemindAt { get; init; }
}
