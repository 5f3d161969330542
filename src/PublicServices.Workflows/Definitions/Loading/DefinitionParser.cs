using System.Text.RegularExpressions;
using PublicServices.Workflows.Activities;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>
/// Reads one definition file into typed records, collecting every problem it meets (never only the first). Graph and
/// cross-reference checks come after, in <see cref="DefinitionValidator"/>.
/// </summary>
internal sealed partial class DefinitionParser(YamlReader read, ActivityRegistry registry)
{
    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();

    /// <summary>Transition targets with where they were written, checked once all steps are known.</summary>
    private readonly List<(string Target, YamlNode Node)> targets = [];

    public WorkflowDefinition? Parse(YamlMappingNode root, string contentHash)
    {
        var id = read.String(root, "id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            read.Error(YamlReader.Get(root, "id")!, $"Mã thủ tục '{id}' chỉ gồm chữ thường, số và '-' / The id '{id}' must be kebab-case (a-z, 0-9, -).");
        var version = read.Int(root, "version", required: true);
        if (version is < 1)
            read.Error(YamlReader.Get(root, "version")!, "Phiên bản phải ≥ 1 / The version must be 1 or more.");
        var title = read.Text(root, "title", required: true);
        var agency = read.String(root, "agency", required: true);
        var deadline = read.Duration(root, "deadline");
        procedureSettings = ParseSettings(root);
        var forms = ParseForms(root);
        var uniqueBy = ParseUniqueBy(root);
        var flow = ParseFlow(root);
        var documents = ParseRequiredDocuments(root);
        var highlights = ParseHighlights(root);
        if (flow is null)
            return null;
        // Missing id, title or agency are already reported; placeholders let the flow and forms be checked too.
        return new WorkflowDefinition(id ?? "?", version ?? 0, title ?? new LocalizedText("", ""), agency ?? "", deadline, forms, flow, contentHash, read.Map.At(root))
        {
            Description = read.Text(root, "description", required: false),
            FeeText = read.Text(root, "fee", required: false),
            RequiredDocuments = documents,
            AllowsSeveralDrafts = read.Bool(root, "allowSeveralDrafts"),
            StartsFrom = ParseStartsFrom(root),
            Settings = procedureSettings,
            UniqueBy = uniqueBy,
            Highlights = highlights,
        };
    }

    private List<LocalizedText> ParseRequiredDocuments(YamlMappingNode root)
    {
        var result = new List<LocalizedText>();
        if (YamlReader.Get(root, "requiredDocuments") is not { } node)
            return result;
        if (node is not YamlSequenceNode list)
        {
            read.Error(node, "'requiredDocuments' phải là danh sách / 'requiredDocuments' must be a list of { vi, en }.");
            return result;
        }
        foreach (var item in list)
        {
            var wrapper = new YamlMappingNode { { "text", item } };
            if (read.Text(wrapper, "text", required: true) is { } text)
                result.Add(text);
        }
        return result;
    }
}
