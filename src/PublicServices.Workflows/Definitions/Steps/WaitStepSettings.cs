using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>type: wait</c> — wait for a named <see cref="Signal"/> (keyed by <see cref="Key"/>, e.g. the exam year),
/// or until an instant (<see cref="Until"/>, JsonLogic giving an ISO date-time), or for a <see cref="For"/> span.
/// Outcome: <c>done</c> (signal received or time reached).
/// </summary>
public sealed record WaitStepSettings : IStepSettings
{
    public string? Signal { get; init; }
    public JsonLogicRule? Key { get; init; }
    public JsonLogicRule? Until { get; init; }
    public DurationSpec? For { get; init; }
}
