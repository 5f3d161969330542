using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>
/// Converts YAML nodes to JSON nodes (for JsonLogic and typed settings) and remembers where each JSON node was written,
/// so that an error found later — an unknown operator deep in a rule — still points at its line and column.
/// </summary>
internal sealed class SourceMap(string file)
{
    private readonly ConditionalWeakTable<JsonNode, SourceLocation> locations = [];

    public string File { get; } = file;

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public SourceLocation? Of(JsonNode? node) => node is not null && locations.TryGetValue(node, out var location) ? location : null;

    public JsonNode? ToJson(YamlNode node)
    {
        JsonNode? json = node switch
        {
            YamlMappingNode mapping => ToObject(mapping),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };
        if (json is not null)
            locations.AddOrUpdate(json, At(node));
        return json;
    }

    private JsonObject ToObject(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
            obj[((YamlScalarNode)key).Value!] = ToJson(value);
        return obj;
    }

    /// <summary>Plain scalars are typed as YAML 1.2 core does (true/false, null, numbers); quoted ones stay strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        return text switch
        {
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            "null" or "Null" or "NULL" or "~" or "" => null,
            _ when long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
