using System.Security.Cryptography;
using System.Text;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>
/// Loads procedure definitions (one YAML or JSON file each) and the code lists beside them, validating everything and
/// reporting every error with file, line and column. Definitions with errors are not returned.
/// </summary>
public sealed class DefinitionLoader(ActivityRegistry registry)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Every definition file directly in <paramref name="folder"/>, with code lists from its codelists/ subfolder.</summary>
    public LoadResult LoadDirectory(string folder, IDefinitionHistory? history = null)
    {
        var errors = new List<DefinitionError>();
        var codeLists = CodeListCatalog.LoadDirectory(Path.Combine(folder, "codelists"), errors);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToList()
            : [];
        return Load(files, codeLists, history, errors, requireParent: true);
    }

    public LoadResult LoadFiles(IEnumerable<string> files, CodeListCatalog codeLists, IDefinitionHistory? history = null, List<DefinitionError>? errors = null) =>
        Load(files, codeLists, history, errors, requireParent: false);

    private LoadResult Load(IEnumerable<string> files, CodeListCatalog codeLists, IDefinitionHistory? history, List<DefinitionError>? errors, bool requireParent)
    {
        errors ??= [];
        var loaded = new List<LoadedDefinition>();
        var seen = new Dictionary<(string, int), string>();
        foreach (var file in files)
        {
            if (LoadText(file, File.ReadAllText(file), codeLists, errors) is not { } definition)
                continue;
            var key = (definition.Definition.Id, definition.Definition.Version);
            if (seen.TryGetValue(key, out var other))
            {
                errors.Add(new DefinitionError(definition.Definition.Location,
                    $"'{key.Id}' phiên bản {key.Version} đã có trong {other} / '{key.Id}' version {key.Version} is also defined in {other}."));
                continue;
            }
            seen[key] = file;
            if (history?.HashOf(key.Id, key.Version) is { } known && known != definition.Definition.ContentHash)
            {
                errors.Add(new DefinitionError(definition.Definition.Location,
                    $"Nội dung '{key.Id}' đã đổi nhưng phiên bản vẫn là {key.Version} / '{key.Id}' changed but its version is still {key.Version}: " +
                    $"increase `version:` (instances keep running on the version they started with)."));
                continue;
            }
            loaded.Add(definition);
        }
        var unstartable = StartsFromReferences.Check(loaded, requireParent, errors);
        return new LoadResult(loaded.Where(l => !unstartable.Contains(l)).ToList(), codeLists, errors);
    }

    /// <summary>Parses and validates one file's text; null (with errors added) when it is not valid.</summary>
    public LoadedDefinition? LoadText(string fileName, string text, CodeListCatalog codeLists, List<DefinitionError> errors)
    {
        var before = errors.Count;
        var map = new SourceMap(fileName);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new DefinitionError(new SourceLocation(fileName, 1, 1), "Tệp không chứa định nghĩa / The file holds no definition (a mapping with id, version, title…)."));
                return null;
            }
            root = mapping;
        }
        catch (YamlException error)
        {
            errors.Add(new DefinitionError(map.At(error.Start), "YAML: " + (error.InnerException?.Message ?? error.Message)));
            return null;
        }
        var parser = new DefinitionParser(new YamlReader(map, errors), registry);
        var definition = parser.Parse(root, Hash(text)) is { } parsed ? parsed with { CodeLists = codeLists } : null;
        if (definition is not null)
            DefinitionValidator.Validate(definition, codeLists, errors, parser.FailedSteps);
        return definition is null || errors.Count > before ? null : new LoadedDefinition(definition, fileName, text);
    }

    /// <summary>SHA-256 of the text with line endings normalised, so a checkout on another OS is not "a change".</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));
}
