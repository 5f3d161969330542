namespace PublicServices.Platform.Engine;

/// <summary>
/// A running procedure: pinned to (definition, version), its state as JSON, and a revision number checked on every
/// save so that two concurrent resumes cannot both win.
/// </summary>
public sealed class InstanceRecord
{
    public Guid Id { get; init; }
    public required string DefinitionId { get; init; }
    public int DefinitionVersion { get; init; }
    public required string Status { get; set; }
    public required string StateJson { get; set; }
    public string? Result { get; set; }
    /// <summary>Optimistic concurrency token: incremented on every save.</summary>
    public int Revision { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
