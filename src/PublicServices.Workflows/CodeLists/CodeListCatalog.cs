using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.CodeLists;

/// <summary>The code lists of workflows/codelists/*.yaml, loaded once.</summary>
public sealed class CodeListCatalog(IReadOnlyDictionary<string, CodeList> lists)
{
    public static readonly CodeListCatalog Empty = new(new Dictionary<string, CodeList>());

    public IReadOnlyCollection<CodeList> All => lists.Values.ToList();

    public CodeList? Find(string id) => lists.GetValueOrDefault(id);

    public static CodeListCatalog LoadDirectory(string folder, List<DefinitionError> errors)
    {
        var lists = new Dictionary<string, CodeList>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
            return new CodeListCatalog(lists);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                if (Read(file, (YamlMappingNode)stream.Documents[0].RootNode, errors) is { } list)
                {
                    files.TryAdd(list.Id, file);
                    if (!lists.TryAdd(list.Id, list))
                        errors.Add(new DefinitionError(new SourceLocation(file, 1, 1), $"Trùng mã danh mục '{list.Id}' / Duplicate code list id '{list.Id}'."));
                }
            }
            catch (YamlException error)
            {
                errors.Add(new DefinitionError(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "YAML: " + error.Message));
            }
        }
        foreach (var list in lists.Values.Where(l => l.GroupedBy is not null))
        {
            var at = new SourceLocation(files[list.Id], 1, 1);
            if (lists.GetValueOrDefault(list.GroupedBy!) is not { } parents)
                errors.Add(new DefinitionError(at, $"Danh mục '{list.Id}': không có danh mục nhóm '{list.GroupedBy}' / Code list '{list.Id}': no code list '{list.GroupedBy}' to group by."));
            else if (list.Items.FirstOrDefault(i => i.Parent is null || parents.Find(i.Parent) is null) is { } orphan)
                errors.Add(new DefinitionError(at, $"Danh mục '{list.Id}': mục '{orphan.Code}' có parent '{orphan.Parent}' không có trong '{parents.Id}' / " +
                                                   $"Code list '{list.Id}': item '{orphan.Code}' has parent '{orphan.Parent}', which is not in '{parents.Id}'."));
        }
        return new CodeListCatalog(lists);
    }

    private static CodeList? Read(string file, YamlMappingNode root, List<DefinitionError> errors)
    {
        string? Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
        SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

        var id = Scalar(root, "id");
        if (id is null)
        {
            errors.Add(new DefinitionError(At(root), "Danh mục thiếu 'id' / The code list needs `id:`."));
            return null;
        }
        var title = root.Children.TryGetValue(new YamlScalarNode("title"), out var t) && t is YamlMappingNode tm
            && Scalar(tm, "vi") is { } tvi && Scalar(tm, "en") is { } ten ? new LocalizedText(tvi, ten) : new LocalizedText(id, id);
        var items = new List<CodeListItem>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("items"), out var list) && list is YamlSequenceNode sequence)
            foreach (var item in sequence.OfType<YamlMappingNode>())
            {
                var (code, vi, en) = (Scalar(item, "code"), Scalar(item, "vi"), Scalar(item, "en"));
                if (code is null || vi is null || en is null)
                    errors.Add(new DefinitionError(At(item), "Mỗi mục cần code, vi, en / Each item needs `code`, `vi` and `en`."));
                else if (!codes.Add(code))
                    errors.Add(new DefinitionError(At(item), $"Trùng mã '{code}' / Duplicate code '{code}'."));
                else
                    items.Add(new CodeListItem(code, new LocalizedText(vi, en), Scalar(item, "parent")));
            }
        else
            errors.Add(new DefinitionError(At(root), "Danh mục cần 'items' / The code list needs `items:`."));
        return new CodeList(id, title, items) { GroupedBy = Scalar(root, "groupedBy") };
    }
}
