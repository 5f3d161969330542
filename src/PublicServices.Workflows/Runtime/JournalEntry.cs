namespace PublicServices.Workflows.Runtime;

/// <summary>One line of the instance's timeline: a step started waiting, completed with an outcome, failed, …</summary>
public sealed record JournalEntry(string StepId, string Event, string? Outcome, string? Actor, DateTimeOffset At, string? Summary);
