namespace PublicServices.Platform.Datasets;

/// <summary>
/// One imported record of a named dataset (e.g. dataset "exam-2027", key = candidate number, data = the candidate's
/// scores as JSON). Signal waits with <c>data:</c> receive the record of their key; the public result look-up reads it.
/// </summary>
public sealed class DatasetRecord
{
    public required string Dataset { get; init; }
    public required string Key { get; init; }
    public required string DataJson { get; set; }
}
