namespace PublicServices.Platform.Tasks;

/// <summary>
/// An open task of an official, projected from a task bookmark in the same transaction that opens it and deleted in the
/// one that closes it (the journal and the audit log keep the history). It carries what queues filter and sort on —
/// role and unit, due time, dossier code, applicant name folded for search, CCCD — so that a queue page is one indexed
/// query even with 100,000 open tasks. The id is the bookmark's.
/// </summary>
public sealed class TaskRecord
{
    /// <summary>Sort key for tasks without a due time: after every dated one.</summary>
    public static readonly DateTime NoDueDate = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public string ProcedureId { get; init; } = "";
    public int ProcedureVersion { get; init; }
    public string StepId { get; init; } = "";
    public string Role { get; init; } = "";
    public string UnitCode { get; init; } = "";
    public string? DossierCode { get; init; }
    public string ApplicantName { get; init; } = "";
    public string? Cccd { get; init; }
    /// <summary>Dossier code, applicant name and CCCD, lower case without marks: what the keyword filter searches.</summary>
    public string SearchText { get; init; } = "";
    public DateTime SubmittedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? DueAt { get; init; }
    /// <summary><see cref="DueAt"/>, or <see cref="NoDueDate"/>: the keyset order of every queue.</summary>
    public DateTime QueueOrder { get; init; }
    public string? EscalateTo { get; init; }
    public DateTime? EscalatedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
