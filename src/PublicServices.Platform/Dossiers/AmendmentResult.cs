using PublicServices.Platform.Forms;

namespace PublicServices.Platform.Dossiers;

/// <summary>What a resubmission did: accepted (with the new due date), refused with per-field errors, or not possible.</summary>
public sealed record AmendmentResult(bool Accepted, bool DossierNotFound, IReadOnlyList<FieldError> Errors, DateOnly? DueDate)
{
    public static AmendmentResult NotFound { get; } = new(false, true, [], null);

    /// <summary>No supplement is being asked for: nothing to resubmit.</summary>
    public static AmendmentResult NotRequested { get; } = new(false, false, [], null);

    public bool NothingToAmend => !Accepted && !DossierNotFound && Errors.Count == 0;
}
