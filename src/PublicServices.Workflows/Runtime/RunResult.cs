namespace PublicServices.Workflows.Runtime;

/// <summary>
/// What one engine call changed, for the host to persist in one transaction: the new state, bookmarks opened and
/// closed, journal lines and outbox requests. When <see cref="Refusal"/> is set nothing changed and nothing is to be saved.
/// </summary>
public sealed record RunResult(
    WorkflowState State,
    IReadOnlyList<Bookmark> Opened,
    IReadOnlyList<Bookmark> Closed,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<OutboxRequest> Outbox,
    Refusal? Refusal = null)
{
    public bool Refused => Refusal is not null;
}
