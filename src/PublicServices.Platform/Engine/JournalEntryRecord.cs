namespace PublicServices.Platform.Engine;

/// <summary>One executed step: the dossier's timeline and the audit trail. Append-only.</summary>
public sealed class JournalEntryRecord
{
    public long Id { get; init; }
    public Guid InstanceId { get; init; }
    public required string StepId { get; init; }
    public required string Event { get; init; }
    public string? Outcome { get; init; }
    public string? Actor { get; init; }
    public DateTime At { get; init; }
    public string? Summary { get; init; }
}
