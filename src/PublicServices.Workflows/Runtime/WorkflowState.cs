using System.Text.Json.Nodes;

namespace PublicServices.Workflows.Runtime;

/// <summary>
/// Everything the engine knows about one instance, serialised as one JSON document by the host. The engine keeps
/// nothing in memory between calls, so a million waiting instances cost only their rows.
/// </summary>
public sealed class WorkflowState
{
    public Guid InstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public int DefinitionVersion { get; init; }
    public InstanceStatus Status { get; set; }
    public JsonObject Variables { get; set; } = [];
    public List<Bookmark> Bookmarks { get; set; } = [];
    /// <summary>Branches that reached each join step so far.</summary>
    public Dictionary<string, int> JoinArrivals { get; set; } = [];
    public string? Result { get; set; }
    public FaultInfo? Fault { get; set; }

    /// <summary>A copy to run on, so that a result never aliases the state it started from.</summary>
    public WorkflowState Clone() => new()
    {
        InstanceId = InstanceId,
        DefinitionId = DefinitionId,
        DefinitionVersion = DefinitionVersion,
        Status = Status,
        Variables = (JsonObject)Variables.DeepClone(),
        Bookmarks = [.. Bookmarks],
        JoinArrivals = new Dictionary<string, int>(JoinArrivals),
        Result = Result,
        Fault = Fault,
    };
}
