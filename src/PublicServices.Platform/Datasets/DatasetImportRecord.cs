namespace PublicServices.Platform.Datasets;

public enum DatasetImportStatus { Running, Completed }

/// <summary>
/// One import of a file into a dataset, identified by the file's SHA-256: the last line whose chunk is committed (the
/// chunk and this progress are saved in one transaction), so running the same import again continues after it, and
/// once completed says so instead of importing twice.
/// </summary>
public sealed class DatasetImportRecord
{
    public Guid Id { get; init; }
    public required string Dataset { get; init; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public DatasetImportStatus Status { get; set; }
    /// <summary>Line number (1 = header) of the last CSV line whose record is committed.</summary>
    public long LastLine { get; set; }
    public long Records { get; set; }
    public long TotalRecords { get; set; }
    public DateTime StartedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
