namespace PublicServices.Platform.Engine;

/// <summary>Something that failed and needs a person: a step that threw, or outbox work whose retries ran out.</summary>
public sealed class IncidentRecord
{
    public Guid Id { get; init; }
    public Guid? InstanceId { get; init; }
    public string? StepId { get; init; }
    /// <summary>"step" or "outbox".</summary>
    public required string Source { get; init; }
    public Guid? OutboxMessageId { get; init; }
    public required string Error { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
