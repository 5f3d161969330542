namespace PublicServices.Platform.Engine;

/// <summary>Every version of every procedure ever loaded; running instances keep pointing at theirs.</summary>
public sealed class DefinitionRecord
{
    public required string DefinitionId { get; init; }
    public int Version { get; init; }
    public required string ContentHash { get; init; }
    public required string FileName { get; init; }
    /// <summary>The file as loaded, so an instance can run on its version after the file has changed.</summary>
    public required string Source { get; init; }
    public DateTime LoadedAt { get; init; }
}
