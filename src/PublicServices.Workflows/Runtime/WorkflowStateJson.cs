using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublicServices.Workflows.Runtime;

/// <summary>The one JSON form of <see cref="WorkflowState"/> that hosts store (compact, enums by name).</summary>
public static class WorkflowStateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new JsonException("Empty workflow state");
}
