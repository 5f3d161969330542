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
    /// <summary>Values of the fields the chosen task outcome declares (field id → value as typed or as JSON); the task
    /// step checks them like form values and keeps them typed under <c>&lt;step&gt;.fields</c>.</summary>
    public JsonObject? Fields { get; init; }
}
