using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace PublicServices.Workflows.Runtime;

/// <summary>The one JSON form of <see cref="WorkflowState"/> that hosts store (compact, enums by name). Letters of every
/// script are written as they are (a marked Vietnamese letter took 6 bytes as a \uXXXX escape); the HTML-sensitive
/// characters stay escaped.</summary>
public static class WorkflowStateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new JsonException("Empty workflow state");
}
