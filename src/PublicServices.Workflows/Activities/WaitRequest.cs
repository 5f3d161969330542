using System.Text.Json.Nodes;

namespace PublicServices.Workflows.Activities;

/// <summary>A bookmark an activity asks for; the runner gives it an id and records it.</summary>
public sealed record WaitRequest(string Kind, string? Key = null, DateTimeOffset? DueAt = null, JsonObject? Data = null)
{
    /// <summary>When the host should remind the waiting person (a step's <c>remind:</c>); null for none.</summary>
    public DateTimeOffset? RemindAt { get; init; }
}
