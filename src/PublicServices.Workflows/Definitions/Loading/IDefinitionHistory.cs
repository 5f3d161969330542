namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>
/// What was loaded before: the content hash recorded for (id, version). A file whose content changed under the same
/// version is refused — running instances depend on the version they started with.
/// </summary>
public interface IDefinitionHistory
{
    string? HashOf(string definitionId, int version);
}
