using System.Globalization;
using System.Text.Json.Nodes;

namespace PublicServices.Platform.Datasets;

/// <summary>Told (in this process) when a procedure's <c>dataset</c> step changed a record, after its commit.</summary>
public interface IDatasetChangeObserver
{
    void Changed(string dataset, string key);
}

/// <summary>
/// The change journal of datasets written by procedures (<c>type: dataset</c> steps): each change of record
/// <c>(dataset, key)</c> adds a row to dataset <c>&lt;dataset&gt;#changes</c> (same table, no schema of its own) whose key
/// starts with the UTC ticks of the change, so a reader on any node finds what changed since a time with one range read
/// of the primary key — how the result look-ups of other nodes drop a cached record within seconds.
/// </summary>
public static class DatasetChanges
{
    public const string Suffix = "#changes";

    /// <summary>The key of a change to many records at once (a score file's chunk): readers forget the whole dataset.</summary>
    public const string AllKeys = "*";

    public static string JournalOf(string dataset) => dataset + Suffix;

    /// <summary>Journal key: 19-digit UTC ticks (text order = time order), then the id of the change.</summary>
    public static string KeyOf(DateTime at, Guid change) => $"{KeyAt(at)}-{change:N}";

    /// <summary>Lower bound of journal keys written after <paramref name="at"/>.</summary>
    public static string KeyAt(DateTime at) => Math.Max(at.Ticks, 0).ToString("D19", CultureInfo.InvariantCulture);

    public static string DataOf(string key) => new JsonObject { ["key"] = key }.ToJsonString();

    public static string? KeyOfData(string json) => JsonNode.Parse(json)?["key"]?.GetValue<string>();

    /// <summary>
    /// JSON Merge Patch (RFC 7386): an object patch merges key by key into an object (a missing or non-object target
    /// counts as empty), <c>null</c> removes the key, any other value (text, number, list) replaces it.
    /// </summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject changes)
            return patch?.DeepClone();
        var result = target is JsonObject obj ? (JsonObject)obj.DeepClone() : [];
        foreach (var (name, value) in changes)
        {
            if (value is null)
                result.Remove(name);
            else
                result[name] = MergePatch(result[name], value);
        }
        return result;
    }
}
