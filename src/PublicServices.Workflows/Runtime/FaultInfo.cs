namespace PublicServices.Workflows.Runtime;

/// <summary>The step that threw, parked until an administrator retries it.</summary>
public sealed record FaultInfo(string StepId, string Error, DateTimeOffset At);
