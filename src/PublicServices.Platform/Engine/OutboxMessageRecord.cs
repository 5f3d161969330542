namespace PublicServices.Platform.Engine;

public enum OutboxStatus { Pending, Done, Failed }

/// <summary>
/// Work that leaves the process (e-mail, SMS, document rendering, gateway calls), written in the same transaction as
/// the step that asked for it and delivered at least once by a worker with a lease; handlers are idempotent.
/// </summary>
public sealed class OutboxMessageRecord
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string PayloadJson { get; init; }
    public Guid? InstanceId { get; init; }
    public OutboxStatus Status { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ProcessedAt { get; set; }
}
