using PublicServices.Platform.Forms;

namespace PublicServices.Platform.Dossiers;

/// <summary>What a submission produced: a new dossier, the one an earlier identical submission made, or why none was made.</summary>
public sealed record SubmissionResult(DossierRecord? Dossier, bool AlreadySubmitted, IReadOnlyList<FieldError> Errors, bool ProcedureNotFound)
{
    public static SubmissionResult NotFound { get; } = new(null, false, [], true);

    /// <summary>For a procedure with <c>startsFrom:</c>, why it may not start from the dossier named (or from none).</summary>
    public DossierOrigin? Origin { get; init; }
}
