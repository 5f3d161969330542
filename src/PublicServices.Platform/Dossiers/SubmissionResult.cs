using PublicServices.Platform.Forms;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Dossiers;

/// <summary>What a submission produced: a new dossier, the one an earlier identical submission made, or why none was made.</summary>
public sealed record SubmissionResult(DossierRecord? Dossier, bool AlreadySubmitted, IReadOnlyList<FieldError> Errors, bool ProcedureNotFound)
{
    public static SubmissionResult NotFound { get; } = new(null, false, [], true);

    /// <summary>For a procedure with <c>startsFrom:</c>, why it may not start from the dossier named (or from none).</summary>
    public DossierOrigin? Origin { get; init; }
    /// <summary>Refused as a whole, not for a field: the start form's window is not open, or a live dossier has the same
    /// <c>uniqueBy</c> key. Nothing was changed.</summary>
    public LocalizedText? Refusal { get; init; }

    /// <summary><c>window</c> or <c>duplicate</c> with <see cref="Refusal"/>.</summary>
    public string? RefusalKind { get; init; }

    public static SubmissionResult Refused(string kind, LocalizedText message) =>
        new(null, false, [new FieldError("", message)], false) { Refusal = message, RefusalKind = kind };
}
