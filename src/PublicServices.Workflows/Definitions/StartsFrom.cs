using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions;

/// <summary>
/// <c>startsFrom:</c> — the procedure is started only from a dossier of the same applicant of <see cref="Procedure"/>
/// (a re-marking from the exam registration's result): the parent's instance must wait at one of <see cref="Steps"/>
/// or have ended with one of <see cref="Results"/>. <see cref="Copy"/> rules are evaluated over the parent's variables
/// when the new dossier starts; their values are kept in the new instance's variables under <c>source</c>, beside
/// <c>source.dossierCode</c>.
/// </summary>
public sealed record StartsFrom(string Procedure, SourceLocation Location)
{
    /// <summary>The variable holding the copied values.</summary>
    public const string Variable = "source";

    /// <summary>Always present under <see cref="Variable"/>: the parent dossier's code.</summary>
    public const string DossierCodeKey = "dossierCode";

    public IReadOnlyList<string> Steps { get; init; } = [];

    public IReadOnlyList<string> Results { get; init; } = [];

    /// <summary>Key under <c>source</c> → rule over the parent's variables.</summary>
    public IReadOnlyDictionary<string, JsonLogicRule> Copy { get; init; } = new Dictionary<string, JsonLogicRule>();

    /// <summary>The text of the link on the parent's dossier page (default: the procedure's title).</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>Whether <c>source.{key}</c> is a value the new instance holds.</summary>
    public bool Provides(string key) => key == DossierCodeKey || Copy.ContainsKey(key);
}
