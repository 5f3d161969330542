using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>type: dataset</c> — updates one record of a dataset (the records signal waits receive with <c>data:</c> and the
/// public result look-up reads): <see cref="Dataset"/> and <see cref="Key"/> name it, <see cref="Merge"/> gives the values
/// to write (dotted names create objects on their path, as in <c>set</c>; a literal <c>null</c> removes the key), applied to the record's JSON as a JSON Merge
/// Patch (RFC 7386: objects merge key by key, <c>null</c> removes a key, anything else replaces). A missing record is
/// created. Written by the host from the outbox (at least once, after the step's transaction). Outcome: <c>done</c>.
/// </summary>
public sealed record DatasetStepSettings(JsonLogicRule Dataset, JsonLogicRule Key, IReadOnlyDictionary<string, JsonLogicRule?> Merge) : IStepSettings
{
    /// <summary>Longest dataset name a step may write (the host keeps a change journal under the name plus a suffix).</summary>
    public const int MaxDatasetLength = 48;

    /// <summary>Longest record key.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Outbox kind of the write.</summary>
    public const string OutboxKind = "dataset.merge";
}
