using System.Text;
using PublicServices.Platform.Identity;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Cli.Units;

/// <summary>
/// Writes schools into a code list file (workflows/codelists/exam-schools.yaml): everything up to the <c>items:</c> line
/// (the header comments, id, title) is kept; an item per school — code "01-001", its names, parent "01" (the council) —
/// is added or replaces the item of the same code; other items stay; items are sorted by code.
/// </summary>
public static class SchoolCodeList
{
    public static bool LooksLikeCodeList(string path) => File.ReadLines(path).Any(l => l.TrimEnd() == "items:");

    public static (int Added, int Changed, int Total) Merge(string path, IReadOnlyList<Unit> schools)
    {
        var header = $"id: {Path.GetFileNameWithoutExtension(path)}\ntitle: {{ vi: Trường THPT, en: Upper-secondary school }}\nitems:\n";
        var items = new SortedDictionary<string, (string Vi, string En, string? Parent)>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            var lines = text.Split('\n');
            var itemsLine = Array.FindIndex(lines, l => l.TrimEnd() == "items:");
            header = string.Join('\n', lines.Take(itemsLine + 1)) + "\n";
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            if (root.Children.TryGetValue(new YamlScalarNode("items"), out var list) && list is YamlSequenceNode sequence)
                foreach (var item in sequence.OfType<YamlMappingNode>())
                {
                    string? Get(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                    if (Get("code") is { } code)
                        items[code] = (Get("vi") ?? "", Get("en") ?? "", Get("parent"));
                }
        }

        int added = 0, changed = 0;
        foreach (var school in schools)
        {
            var entry = (school.NameVi, school.NameEn, (string?)school.Code[..2]);
            if (!items.TryGetValue(school.Code, out var current))
                added++;
            else if (current != entry)
                changed++;
            items[school.Code] = entry;
        }

        var output = new StringBuilder(header);
        foreach (var (code, (vi, en, parent)) in items)
        {
            output.Append($"  - {{ code: {Quote(code)}, vi: {Quote(vi)}, en: {Quote(en)}");
            if (parent is not null)
                output.Append($", parent: {Quote(parent)}");
            output.Append(" }\n");
        }
        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
        return (added, changed, items.Count);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
