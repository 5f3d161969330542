using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Every loaded version of every procedure, in memory (definitions are small and immutable). Instances find theirs by
/// (id, version); new instances start on the latest version.
/// </summary>
public sealed class DefinitionRegistry
{
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> all = [];
    private readonly Dictionary<string, WorkflowDefinition> latest = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The code lists loaded with the current definitions.</summary>
    public CodeListCatalog CodeLists { get; private set; } = CodeListCatalog.Empty;

    public void SetCodeLists(CodeListCatalog codeLists) => CodeLists = codeLists;

    /// <summary>
    /// Registers a version. Only published versions (those in workflows/ now) can start new instances; a version known
    /// only from the database still serves the instances that started on it.
    /// </summary>
    public void Add(WorkflowDefinition definition, bool published = true)
    {
        lock (gate)
        {
            all[(definition.Id, definition.Version)] = definition;
            if (published && (!latest.TryGetValue(definition.Id, out var current) || current.Version < definition.Version))
                latest[definition.Id] = definition;
        }
    }

    public WorkflowDefinition Get(string id, int version)
    {
        lock (gate)
            return all.TryGetValue((id, version), out var definition)
                ? definition
                : throw new KeyNotFoundException($"Definition {id} v{version} is not loaded.");
    }

    /// <summary>The version, or null when it is not loaded (a stored version that no longer loads).</summary>
    public WorkflowDefinition? Find(string id, int version)
    {
        lock (gate)
            return all.GetValueOrDefault((id, version));
    }

    public WorkflowDefinition? Latest(string id)
    {
        lock (gate)
            return latest.GetValueOrDefault(id);
    }

    public IReadOnlyList<WorkflowDefinition> Published()
    {
        lock (gate)
            return latest.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }
}
