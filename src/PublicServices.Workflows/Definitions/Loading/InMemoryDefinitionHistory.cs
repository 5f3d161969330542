namespace PublicServices.Workflows.Definitions.Loading;

public sealed class InMemoryDefinitionHistory(IReadOnlyDictionary<(string, int), string>? known = null) : IDefinitionHistory
{
    public string? HashOf(string definitionId, int version) => known?.GetValueOrDefault((definitionId, version));
}
