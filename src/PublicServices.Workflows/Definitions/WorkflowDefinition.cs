using PublicServices.Workflows.CodeLists;

namespace PublicServices.Workflows.Definitions;

/// <summary>
/// One procedure, one version, as loaded and validated from a file in workflows/.
/// Immutable; an instance is pinned to (Id, Version) for its whole life.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    string Agency,
    DurationSpec? Deadline,
    IReadOnlyDictionary<string, FormDefinition> Forms,
    FlowDefinition Flow,
    string ContentHash,
    SourceLocation Location)
{
    /// <summary>Short description shown in the catalogue.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Documents the applicant must prepare, shown in the catalogue.</summary>
    public IReadOnlyList<LocalizedText> RequiredDocuments { get; init; } = [];

    /// <summary>Fee as shown in the catalogue (the payment step computes the real amount).</summary>
    public LocalizedText? FeeText { get; init; }

    /// <summary>Whether an applicant may keep several drafts of this procedure at once.</summary>
    public bool AllowsSeveralDrafts { get; init; }

    /// <summary>When set, the procedure is started only from an eligible dossier of another procedure.</summary>
    public StartsFrom? StartsFrom { get; init; }

    /// <summary>The code lists the definition was loaded and checked with; the engine checks code-list values against them.</summary>
    public CodeListCatalog CodeLists { get; init; } = CodeListCatalog.Empty;
}
