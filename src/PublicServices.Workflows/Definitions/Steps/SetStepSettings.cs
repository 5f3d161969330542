using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: set</c> — compute variables (name → JsonLogic over current variables). Outcome: <c>done</c>.</summary>
public sealed record SetStepSettings(IReadOnlyDictionary<string, JsonLogicRule> Variables) : IStepSettings;
