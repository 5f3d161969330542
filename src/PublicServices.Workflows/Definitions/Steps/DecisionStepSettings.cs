using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: decision</c> — evaluate <see cref="Condition"/> over the variables. Outcomes: <c>true</c>, <c>false</c>.</summary>
public sealed record DecisionStepSettings(JsonLogicRule Condition) : IStepSettings;
