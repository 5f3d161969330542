namespace PublicServices.Platform.Engine;

/// <summary>Background work settings (section <c>Workers</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>How long a claimed item belongs to a worker before another node may redo it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before an outbox message becomes an incident.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled at each attempt (30 s, 1 min, 2 min, …).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between polls when there is nothing to do.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Name of this node's worker in leases (defaults to machine name + process id).</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
