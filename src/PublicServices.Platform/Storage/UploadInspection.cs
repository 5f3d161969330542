namespace PublicServices.Platform.Storage;

/// <summary>What the first bytes of an upload say it is, and its pixel size for images (null when unreadable).</summary>
public sealed record UploadInspection(UploadKind Kind, int? Width, int? Height)
{
    public string Extension => Kind switch
    {
        UploadKind.Pdf => "pdf",
        UploadKind.Jpeg => "jpg",
        UploadKind.Png => "png",
        _ => "bin",
    };

    public string ContentType => Kind switch
    {
        UploadKind.Pdf => "application/pdf",
        UploadKind.Jpeg => "image/jpeg",
        UploadKind.Png => "image/png",
        _ => "application/octet-stream",
    };
}
