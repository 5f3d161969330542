using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>type: number</c> — takes the next number of a dense, gap-free counter (<see cref="Sequence"/>: JsonLogic giving the
/// counter's key, e.g. "sbd-2027-01") and formats it (<see cref="Format"/>: JsonLogic that sees <c>&lt;step&gt;.seq</c>).
/// Keeps <c>&lt;step&gt;.seq</c> and <c>&lt;step&gt;.value</c> in the variables. Outcome: <c>done</c>.
/// </summary>
public sealed record NumberStepSettings(JsonLogicRule Sequence, JsonLogicRule Format) : IStepSettings
{
    /// <summary>Longest formatted number (candidate numbers, register numbers).</summary>
    public const int MaxLength = 32;
}
