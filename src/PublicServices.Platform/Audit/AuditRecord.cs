namespace PublicServices.Platform.Audit;

/// <summary>
/// One line of the audit log: who did or saw what, when, from where. Append-only: the application has no code path that
/// updates or deletes these rows (the database role of a production deployment should not allow it either).
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public required string UserId { get; init; }
    public required string UserName { get; init; }
    /// <summary>What happened, e.g. <c>task.view</c>, <c>task.claim</c>, <c>task.complete</c>, <c>attachment.download</c>.</summary>
    public required string Action { get; init; }
    /// <summary>What it concerned: a dossier code, a task id.</summary>
    public required string Target { get; init; }
    public string? Detail { get; init; }
    public string? IpAddress { get; init; }
}
