using System.Text.Json.Nodes;

namespace PublicServices.Workflows.Runtime;

/// <summary>
/// What resumes a waiting step: it names the bookmark it answers, the outcome chosen (task outcome, "paid", "submitted",
/// "done"…), data to merge into the variables, who did it and why.
/// </summary>
public sealed record Stimulus(Guid BookmarkId, string Kind, string Outcome, string Actor)
{
    public JsonObject? Payload { get; init; }
    public string? Reason { get; init; }
}
