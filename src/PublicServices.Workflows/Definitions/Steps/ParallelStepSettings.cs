namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: parallel</c> — start every branch at once; each branch's first step is a transition target.</summary>
public sealed record ParallelStepSettings(IReadOnlyList<string> Branches) : IStepSettings;
