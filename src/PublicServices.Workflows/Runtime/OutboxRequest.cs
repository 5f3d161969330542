using System.Text.Json.Nodes;

namespace PublicServices.Workflows.Runtime;

/// <summary>Work that leaves the process (a notification), to be written to the outbox in the same transaction.</summary>
public sealed record OutboxRequest(string Kind, JsonObject Payload);
