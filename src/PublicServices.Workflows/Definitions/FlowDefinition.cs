namespace PublicServices.Workflows.Definitions;

/// <summary>The flowchart: a start step and the steps by id.</summary>
public sealed record FlowDefinition(string Start, IReadOnlyDictionary<string, StepDefinition> Steps);
