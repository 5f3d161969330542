using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

internal sealed partial class DefinitionParser
{
    private static readonly string[] StartsFromKeys = ["procedure", "when", "copy", "label"];

    /// <summary>
    /// <c>startsFrom: { procedure: exam-registration, when: { steps: [a], results: [approved] }, copy: { key: rule }, label: {vi, en} }</c>.
    /// Whether the named procedure, steps and results exist is checked once every file is loaded (<see cref="StartsFromReferences"/>).
    /// </summary>
    private StartsFrom? ParseStartsFrom(YamlMappingNode root)
    {
        if (YamlReader.Get(root, "startsFrom") is not { } node || read.Mapping(node, "startsFrom") is not { } map)
            return null;
        var valid = true;
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !StartsFromKeys.Contains(k.Value)))
        {
            read.Error(key, $"Khóa '{key.Value}' không dùng trong 'startsFrom' / Unknown key '{key.Value}' in `startsFrom:`: use {string.Join(", ", StartsFromKeys)}.");
            valid = false;
        }
        var procedure = read.String(map, "procedure", required: true);
        if (procedure is not null && !IdPattern().IsMatch(procedure))
        {
            read.Error(YamlReader.Get(map, "procedure")!, $"'{procedure}' không phải mã thủ tục / '{procedure}' is not a procedure id (kebab-case).");
            valid = false;
        }
        List<string> steps = [], results = [];
        if (read.Mapping(YamlReader.Get(map, "when"), "when") is { } when)
        {
            foreach (var key in when.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("steps" or "results")))
            {
                read.Error(key, $"Khóa '{key.Value}' không dùng trong 'when' / Unknown key '{key.Value}' in `startsFrom.when:`: use `steps` and `results`.");
                valid = false;
            }
            valid &= Names(when, "steps", steps) & Names(when, "results", results);
        }
        if (steps.Count == 0 && results.Count == 0)
        {
            read.Error(map, "'startsFrom' cần 'when' với 'steps' hoặc 'results' / `startsFrom:` needs `when:` with the parent's `steps:` " +
                            "(waiting there) or `results:` (ended so) from which it may start.");
            valid = false;
        }
        var copy = new Dictionary<string, JsonLogic.JsonLogicRule>(StringComparer.Ordinal);
        if (YamlReader.Get(map, "copy") is { } copyNode && read.Mapping(copyNode, "copy") is { } copies)
            foreach (var (keyNode, value) in copies.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value!;
                if (!NamePattern().IsMatch(key) || key == StartsFrom.DossierCodeKey)
                {
                    read.Error(keyNode, $"Tên '{key}' không dùng được / '{key}' cannot be a copied value's name (letters, digits, - and _; " +
                                        $"'{StartsFrom.DossierCodeKey}' is always copied).");
                    valid = false;
                }
                else if (read.Rule(value) is { } rule)
                    copy[key] = rule;
                else
                    valid = false;
            }
        var label = YamlReader.Get(map, "label") is null ? null : read.Text(map, "label", required: true);
        return procedure is null || !valid ? null : new StartsFrom(procedure, read.Map.At(map))
        {
            Steps = steps, Results = results, Copy = copy, Label = label,
        };
    }

    private bool Names(YamlMappingNode map, string key, List<string> into)
    {
        switch (YamlReader.Get(map, key))
        {
            case null:
                return true;
            case YamlSequenceNode list when list.All(i => i is YamlScalarNode { Value.Length: > 0 }):
                into.AddRange(list.Cast<YamlScalarNode>().Select(i => i.Value!));
                return true;
            case var other:
                read.Error(other, $"'{key}' phải là danh sách tên / `{key}:` must be a list of names, e.g. `[results-wait]`.");
                return false;
        }
    }
}
