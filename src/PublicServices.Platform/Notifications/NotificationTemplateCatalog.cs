using System.Text.RegularExpressions;
using HandlebarsDotNet;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// The templates of templates/notifications/*.yaml (Handlebars, vi and en, subject and body), compiled at start-up.
/// A missing language or part, or a placeholder the portal does not provide, is an error with file and line.
/// </summary>
public sealed partial class NotificationTemplateCatalog(IReadOnlyDictionary<string, NotificationTemplate> templates)
{
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string> { "code", "procedure", "dueDate" };

    [GeneratedRegex(@"\{\{\{?\s*([A-Za-z0-9_.]+)\s*\}?\}\}")]
    private static partial Regex Placeholder();

    public NotificationTemplate? Find(string id) => templates.GetValueOrDefault(id);

    public IReadOnlyCollection<string> Ids => templates.Keys.ToList();

    public static NotificationTemplateCatalog LoadDirectory(string folder, List<DefinitionError> errors)
    {
        // No HTML escaping here: the web pages encode on output, and e-mail/SMS text must stay as written.
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        var templates = new Dictionary<string, NotificationTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [])
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                var root = (YamlMappingNode)stream.Documents[0].RootNode;
                var id = Scalar(root, "id") ?? Path.GetFileNameWithoutExtension(file);
                var parts = new List<HandlebarsTemplate<object, object>>();
                foreach (var (language, part) in new[] { ("vi", "subject"), ("vi", "body"), ("en", "subject"), ("en", "body") })
                {
                    var section = root.Children.TryGetValue(new YamlScalarNode(language), out var node) ? node as YamlMappingNode : null;
                    var text = section is null ? null : Scalar(section, part);
                    var at = section?.Children.TryGetValue(new YamlScalarNode(part), out var textNode) == true ? textNode.Start : (section ?? (YamlNode)root).Start;
                    if (text is null)
                    {
                        errors.Add(new DefinitionError(new SourceLocation(file, (int)at.Line, (int)at.Column),
                            $"Thiếu {language}.{part} / Missing {language}.{part}: every template needs a subject and a body in vi and en."));
                        continue;
                    }
                    foreach (Match match in Placeholder().Matches(text))
                        if (!Placeholders.Contains(match.Groups[1].Value))
                            errors.Add(new DefinitionError(new SourceLocation(file, (int)at.Line, (int)at.Column),
                                $"Biến '{match.Groups[1].Value}' không có / Unknown placeholder '{match.Groups[1].Value}': use {string.Join(", ", Placeholders)}."));
                    parts.Add(handlebars.Compile(text));
                }
                if (parts.Count == 4)
                    templates[id] = new NotificationTemplate(id, parts[0], parts[1], parts[2], parts[3]);
            }
            catch (YamlException error)
            {
                errors.Add(new DefinitionError(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "YAML: " + error.Message));
            }
        }
        return new NotificationTemplateCatalog(templates);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
}
