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

    /// <summary>With <see cref="Signal"/>: the record of a dataset each instance receives with the signal, kept under
    /// <c>&lt;step&gt;.data</c> (null when the dataset has no record for the key).</summary>
    public WaitDataSettings? Data { get; init; }
}

/// <summary>
/// <c>data: { dataset: rule, key: rule }</c> of a signal wait: both evaluated when the wait starts and kept with its bookmark,
/// so the host fetches the records of a whole chunk of resumed instances at once.
/// </summary>
public sealed record WaitDataSettings(JsonLogicRule Dataset, JsonLogicRule Key);
