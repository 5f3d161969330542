namespace PublicServices.Platform.Dossiers;

/// <summary>
/// An application being filled in: saved at every "next", resumable from any device, expiring after a configurable time.
/// Its id is the idempotency key of its submission, so submitting it twice makes one dossier.
/// </summary>
public sealed class DraftRecord
{
    public Guid Id { get; init; }
    public required string ApplicantId { get; init; }
    public required string ProcedureId { get; init; }
    public int ProcedureVersion { get; init; }
    public required string DataJson { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>The dossier the application is started from (procedures with <c>startsFrom:</c>); carried to the submission.</summary>
    public string? ParentDossierCode { get; init; }
}
