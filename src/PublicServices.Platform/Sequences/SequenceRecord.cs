namespace PublicServices.Platform.Sequences;

/// <summary>The last number handed out in one scope ("dossier:G12.34:251122", "document:naric:2026").</summary>
public sealed class SequenceRecord
{
    public required string Scope { get; init; }
    public long Last { get; set; }
}
