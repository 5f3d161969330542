namespace PublicServices.Platform.Engine;

public enum BatchJobStatus { Running, Completed, Failed, Scheduled }

/// <summary>
/// A batch stimulus (e.g. signal "results-published" for one exam year) with its progress, resumable after a crash.
/// A scheduled one (<see cref="StartAt"/>, status <see cref="BatchJobStatus.Scheduled"/>) is started when due by
/// <see cref="ScheduledBroadcastWork"/> on whichever node claims it, holding a lease (<see cref="LeaseOwner"/> until
/// <see cref="LeaseUntil"/>, renewed with every chunk) so that another node takes over if that one dies.
/// </summary>
public sealed class BatchJobRecord
{
    public Guid Id { get; init; }
    public required string Signal { get; init; }
    public string? Key { get; init; }
    public BatchJobStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Refused { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>When a scheduled job is due (UTC); null for a job run at once by its caller (<c>signal send</c>).</summary>
    public DateTime? StartAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
