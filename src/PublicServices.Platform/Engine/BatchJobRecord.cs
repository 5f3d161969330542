namespace PublicServices.Platform.Engine;

public enum BatchJobStatus { Running, Completed, Failed }

/// <summary>A batch stimulus (e.g. signal "results-published" for one exam year) with its progress, resumable after a crash.</summary>
public sealed class BatchJobRecord
{
    public Guid Id { get; init; }
    public required string Signal { get; init; }
    public string? Key { get; init; }
    public BatchJobStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Refused { get; set; }
    public DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; set; }
    public string? LastError { get; set; }
}
