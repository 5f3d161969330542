namespace PublicServices.Platform.Dossiers;

/// <summary>
/// A submitted application (hồ sơ): its one-stop-shop code, whose it is, which procedure instance runs it, and the
/// legal due date. The data itself lives in the instance's variables.
/// </summary>
public sealed class DossierRecord
{
    public required string Code { get; init; }
    public required string ProcedureId { get; init; }
    public int ProcedureVersion { get; init; }
    public required string ApplicantId { get; init; }
    public Guid InstanceId { get; init; }
    public required string AgencyCode { get; init; }
    /// <summary>The client's key for this submission: a retried or doubled submit finds the dossier it already made.</summary>
    public required string IdempotencyKey { get; init; }
    public DateTime SubmittedAt { get; init; }
    public DateOnly? DueDate { get; set; }
    /// <summary>The declaration the applicant accepted (consent to process personal data for this purpose): the version of
    /// its text — a hash of the exact words shown — and when it was accepted.</summary>
    public required string DeclarationVersion { get; init; }
    public DateTime DeclaredAt { get; init; }
    /// <summary>The applicant's dossier this one was started from (a re-marking from the exam registration), when the
    /// procedure declares <c>startsFrom:</c>.</summary>
    public string? ParentDossierCode { get; init; }
    /// <summary>The procedure's <c>uniqueBy</c> key of this dossier while it is live (null when the procedure has none, and once
    /// the dossier is withdrawn or cancelled): a unique index on (procedure, key) refuses a second live dossier, even under races.</summary>
    public string? UniqueKey { get; set; }
}
