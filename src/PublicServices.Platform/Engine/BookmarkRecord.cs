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
    public DateTime CreatedAt { get; init; }
}
