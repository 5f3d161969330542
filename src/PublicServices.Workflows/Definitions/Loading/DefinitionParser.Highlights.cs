using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

internal sealed partial class DefinitionParser
{
    /// <summary><c>highlights: [ { label: { vi, en }, value: rule }, … ]</c> — values shown at the top of the dossier page.</summary>
    private List<Highlight> ParseHighlights(YamlMappingNode root)
    {
        var result = new List<Highlight>();
        if (YamlReader.Get(root, "highlights") is not { } node)
            return result;
        if (node is not YamlSequenceNode list)
        {
            read.Error(node, "'highlights' phải là danh sách / `highlights:` must be a list of `{ label: { vi, en }, value: rule }`.");
            return result;
        }
        foreach (var item in list)
        {
            if (read.Mapping(item, "highlights") is not { } map)
                continue;
            foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("label" or "value")))
                read.Error(key, $"Khóa '{key.Value}' không dùng trong 'highlights' / Unknown key '{key.Value}' in `highlights:`: use `label` and `value`.");
            var label = read.Text(map, "label", required: true);
            var valueNode = YamlReader.Get(map, "value");
            if (valueNode is null)
                read.Error(map, "Thiếu 'value' / Missing `value:`: a rule giving what to show, e.g. `value: { var: numbering.value }`.");
            if (label is not null && read.Rule(valueNode) is { } value)
                result.Add(new Highlight(label, value, read.Map.At(map)));
        }
        return result;
    }
}
