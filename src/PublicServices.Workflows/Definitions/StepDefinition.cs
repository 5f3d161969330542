namespace PublicServices.Workflows.Definitions;

/// <summary>
/// One step of the flow. <see cref="Settings"/> is the typed settings record of the step's activity type
/// (see Definitions/Steps); <see cref="Transitions"/> maps each outcome name to the next step id.
/// A plain <c>then: next</c> in the file is the single outcome <see cref="DefaultOutcome"/>.
/// </summary>
public sealed record StepDefinition(
    string Id,
    string Type,
    IStepSettings Settings,
    IReadOnlyDictionary<string, string> Transitions,
    SourceLocation Location)
{
    public const string DefaultOutcome = "done";

    /// <summary>Human-readable name of the step for timelines and queues.</summary>
    public LocalizedText? Title { get; init; }
}
