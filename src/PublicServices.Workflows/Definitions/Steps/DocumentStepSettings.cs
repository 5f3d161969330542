using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>type: document</c> — issue a numbered, signed PDF from a template in templates/documents/. Outcome: <c>done</c>.
/// <see cref="Data"/> binds the template's placeholders to the dossier (JsonLogic over the variables), evaluated when the
/// step is reached; the host supplies the rest (number, date, agency, verification code…).
/// </summary>
public sealed record DocumentStepSettings(string Template) : IStepSettings
{
    public bool Signed { get; init; } = true;

    /// <summary>Placeholder name → value, e.g. <c>holderName: { var: application.fullName }</c>.</summary>
    public IReadOnlyDictionary<string, JsonLogicRule> Data { get; init; } = new Dictionary<string, JsonLogicRule>();

    /// <summary>A task step whose deciding official's name is printed as the signer (e.g. the leader's approval).</summary>
    public string? SignedBy { get; init; }

    /// <summary>The unit (its code) that issues the document: its name, superior and place are printed and its yearly
    /// register numbers it; the procedure's <c>agency</c> when absent.</summary>
    public JsonLogicRule? Issuer { get; init; }

    /// <summary>The id of an earlier document of the same applicant that this one replaces (e.g. a re-issued result
    /// certificate): revoked in the issuing transaction, with "replaced by" this document's number. Nothing is revoked when it gives null.</summary>
    public JsonLogicRule? Replaces { get; init; }
}
