using PublicServices.Workflows.CodeLists;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>Everything loaded from a folder: valid definitions, code lists, and every error found (all of them).</summary>
public sealed record LoadResult(IReadOnlyList<LoadedDefinition> Definitions, CodeListCatalog CodeLists, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
