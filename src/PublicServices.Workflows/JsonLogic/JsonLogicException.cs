using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>A rule that is not valid JsonLogic; <see cref="Node"/> is the offending part, so a loader can point at its line.</summary>
public sealed class JsonLogicException(string message, JsonNode? node) : Exception(message)
{
    public JsonNode? Node { get; } = node;
}
