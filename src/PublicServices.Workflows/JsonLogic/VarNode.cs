using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>
/// <c>{"var": "a.b"}</c> / <c>{"var": ["a.b", default]}</c>. A constant path is split once at parse time; walking the data
/// touches the JSON nodes directly and converts only the value found.
/// </summary>
internal sealed class VarNode : LogicNode
{
    private readonly LogicNode? path;
    private readonly string[]? constantPath;
    private readonly LogicNode? fallback;

    public VarNode(LogicNode? path, LogicNode? fallback)
    {
        this.fallback = fallback;
        if (path is null)
            constantPath = [];
        else if (path is LiteralNode { Value: var literal } && literal.Kind is LogicKind.String or LogicKind.Number or LogicKind.Null)
            constantPath = Split(literal);
        else
            this.path = path;
    }

    public override LogicValue Evaluate(in LogicValue data)
    {
        var segments = constantPath ?? Split(path!.Evaluate(data));
        if (segments.Length == 0)
            return data;
        return TryWalk(data, segments, out var found) ? found : fallback?.Evaluate(data) ?? LogicValue.Null;
    }

    /// <summary>Shared with missing: whether a dotted path leads to a value (null counts as absent).</summary>
    public static bool TryWalk(in LogicValue data, string[] segments, out LogicValue found)
    {
        found = LogicValue.Null;
        JsonNode? node = null;
        var current = data;
        for (var i = 0; i < segments.Length; i++)
        {
            if (node is null)
            {
                if (i > 0 && current.Kind is not (LogicKind.Object or LogicKind.Array))
                    return false;
                switch (current.Kind)
                {
                    case LogicKind.Object:
                        node = ((JsonObject)current.Ref!)[segments[i]];
                        if (node is null)
                            return false;
                        continue;
                    case LogicKind.Array when int.TryParse(segments[i], out var index) && index >= 0 && index < current.Array.Length:
                        current = current.Array[index];
                        if (current.Kind == LogicKind.Null)
                            return false;
                        continue;
                    default:
                        return false;
                }
            }
            node = node switch
            {
                JsonObject obj => obj[segments[i]],
                JsonArray array when int.TryParse(segments[i], out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
                return false;
        }
        found = node is null ? current : LogicValue.FromNode(node);
        return found.Kind != LogicKind.Null;
    }

    public static string[] Split(in LogicValue path) => path.Kind switch
    {
        LogicKind.Null => [],
        LogicKind.String when path.String.Length == 0 => [],
        LogicKind.Array when path.Array.Length == 0 => [],
        _ => path.ToString().Split('.'),
    };
}
