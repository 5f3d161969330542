using System.Text.RegularExpressions;
using HandlebarsDotNet;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// The templates of templates/notifications/*.yaml (Handlebars, vi and en: subject and body, optionally a short
/// <c>sms</c> text in both), compiled at start-up. A missing language or part, an SMS in one language only or outside
/// the GSM 7-bit alphabet once its tone marks are removed, or a placeholder the portal does not provide, is an error
/// with file and line.
/// </summary>
public sealed partial class NotificationTemplateCatalog(IReadOnlyDictionary<string, NotificationTemplate> templates)
{
    /// <summary>
    /// What a template may write: the dossier's <c>code</c>, <c>procedure</c> and legal <c>dueDate</c> (dd/MM/yyyy); the fee
    /// last paid, <c>amount</c> ("20.000 đ" / "20,000 VND"); and for a reminder, the wait's <c>deadline</c> (dd/MM/yyyy HH:mm,
    /// Vietnam time) and <c>action</c> (what the applicant must do: pay the fee, supplement the dossier…).
    /// </summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string> { "code", "procedure", "dueDate", "amount", "deadline", "action" };

    /// <summary>Longest SMS text without its placeholders: leaves room for a code and a date within one 160-character segment.</summary>
    public const int SmsTextLimit = 120;

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
                var parts = new Dictionary<string, HandlebarsTemplate<object, object>>();
                var uses = new HashSet<string>();
                var valid = true;
                foreach (var (language, part) in new[] { ("vi", "subject"), ("vi", "body"), ("vi", "sms"), ("en", "subject"), ("en", "body"), ("en", "sms") })
                {
                    var section = root.Children.TryGetValue(new YamlScalarNode(language), out var node) ? node as YamlMappingNode : null;
                    var text = section is null ? null : Scalar(section, part);
                    var at = section?.Children.TryGetValue(new YamlScalarNode(part), out var textNode) == true ? textNode.Start : (section ?? (YamlNode)root).Start;
                    SourceLocation Here() => new(file, (int)at.Line, (int)at.Column);
                    if (text is null)
                    {
                        if (part != "sms")
                        {
                            errors.Add(new DefinitionError(Here(),
                                $"Thiếu {language}.{part} / Missing {language}.{part}: every template needs a subject and a body in vi and en."));
                            valid = false;
                        }
                        continue;
                    }
                    foreach (Match match in Placeholder().Matches(text))
                    {
                        uses.Add(match.Groups[1].Value);
                        if (!Placeholders.Contains(match.Groups[1].Value))
                        {
                            errors.Add(new DefinitionError(Here(),
                                $"Biến '{match.Groups[1].Value}' không có / Unknown placeholder '{match.Groups[1].Value}': use {string.Join(", ", Placeholders)}."));
                            valid = false;
                        }
                    }
                    if (part == "sms")
                        valid &= CheckSms(text, Here(), errors);
                    parts[$"{language}.{part}"] = handlebars.Compile(text);
                }
                if (parts.ContainsKey("vi.sms") != parts.ContainsKey("en.sms"))
                {
                    errors.Add(new DefinitionError(new SourceLocation(file, (int)root.Start.Line, (int)root.Start.Column),
                        "Tin nhắn SMS cần cả vi.sms và en.sms / An SMS text needs both vi.sms and en.sms (or neither)."));
                    valid = false;
                }
                if (valid)
                    templates[id] = new NotificationTemplate(id, parts["vi.subject"], parts["vi.body"], parts["en.subject"], parts["en.body"])
                    {
                        SmsVi = parts.GetValueOrDefault("vi.sms"), SmsEn = parts.GetValueOrDefault("en.sms"), Uses = uses,
                    };
            }
            catch (YamlException error)
            {
                errors.Add(new DefinitionError(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "YAML: " + error.Message));
            }
        }
        return new NotificationTemplateCatalog(templates);
    }

    /// <summary>An SMS must stay one GSM-7 segment: plain characters once tone marks are removed, and short.</summary>
    private static bool CheckSms(string text, SourceLocation at, List<DefinitionError> errors)
    {
        var written = Placeholder().Replace(text, "");
        var literal = SmsText.ToGsm7(written);
        var valid = true;
        // Whatever ToGsm7 could only turn into '?'.
        var plain = PublicServices.Workflows.Text.VietnameseText.RemoveDiacritics(written);
        if (plain.Where((c, i) => literal[i] == '?' && c != '?').FirstOrDefault() is var odd and not '\0')
        {
            errors.Add(new DefinitionError(at, $"Ký tự '{odd}' không gửi được qua SMS / The character '{odd}' is not in the SMS (GSM 7-bit) alphabet: use plain punctuation."));
            valid = false;
        }
        if (literal.Length > SmsTextLimit)
        {
            errors.Add(new DefinitionError(at, $"Tin nhắn SMS quá dài ({literal.Length} ký tự) / The SMS text is {literal.Length} characters without its " +
                                               $"placeholders: keep it to {SmsTextLimit}, so that with a code and a date it fits one {SmsText.SegmentLength}-character SMS."));
            valid = false;
        }
        return valid;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
}
