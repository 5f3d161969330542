namespace PublicServices.Platform.Storage;

/// <summary>An uploaded file: whose it is, what its content really is, where it is stored, and (once submitted) its dossier.</summary>
public sealed class AttachmentRecord
{
    public Guid Id { get; init; }
    public required string OwnerId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public required string StorageKey { get; init; }
    public DateTime UploadedAt { get; init; }
    public string? DossierCode { get; set; }
}
