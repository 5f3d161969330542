namespace PublicServices.Platform.Engine;

/// <summary>
/// An open wait: what stimulus (kind + key) resumes which step of which instance, and when it falls due (timers,
/// deadlines). Workers claim due bookmarks with a lease (owner + until) so that a timer fires once across nodes.
/// </summary>
public sealed class BookmarkRecord
{
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public required string StepId { get; init; }
    public required string Kind { get; init; }
    public string? Key { get; init; }
    public DateTime? DueAt { get; init; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the step's <c>remind:</c> falls due (null: no reminder); <see cref="RemindedAt"/> once it was sent.
    /// <c>DeadlineReminderWork</c> sets <see cref="RemindedAt"/> only where it is still null, so one node reminds once.</summary>
    public DateTime? RemindAt { get; init; }
    public DateTime? RemindedAt { get; set; }
    public DateTime CreatedAt { get; init; }
    /// <summary>A signal wait with <c>data:</c>: the dataset and record key it receives with the signal (evaluated when the
    /// wait started), so <see cref="SignalBroadcaster"/> fetches a chunk's records in one query.</summary>
    public string? Dataset { get; init; }
    public string? DataKey { get; init; }
}
