using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Dossiers;

/// <summary>Why a procedure with <c>startsFrom:</c> cannot start from a dossier now.</summary>
public enum OriginProblem
{
    None,
    /// <summary>No parent dossier was named: the procedure starts only from one.</summary>
    ParentRequired,
    /// <summary>No such dossier of this applicant (another applicant's looks the same).</summary>
    NotFound,
    /// <summary>The dossier is of another procedure, or not at a step/result the procedure starts from.</summary>
    NotEligible,
    /// <summary>The form's window (opens/closes) is not open now.</summary>
    WindowClosed,
}

/// <summary>The parent dossier a new dossier starts from, and the values copied from it (kept under <c>source</c>), or the problem.</summary>
public sealed record DossierOrigin(DossierRecord? Parent, JsonObject? Source, OriginProblem Problem, LocalizedText? Message)
{
    public bool Allowed => Problem == OriginProblem.None;

    /// <summary>No <c>startsFrom:</c>: the procedure starts from the catalogue, with nothing copied.</summary>
    public static DossierOrigin Catalogue { get; } = new(null, null, OriginProblem.None, null);

    public static DossierOrigin Refused(OriginProblem problem, LocalizedText message) => new(null, null, problem, message);
}
