using PublicServices.Workflows.Definitions.Steps;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

internal sealed partial class DefinitionParser
{
    private static readonly Dictionary<string, FieldType> FieldTypes = new(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text, ["textarea"] = FieldType.Textarea, ["number"] = FieldType.Number, ["date"] = FieldType.Date,
        ["select"] = FieldType.Select, ["multiselect"] = FieldType.MultiSelect, ["multi-select"] = FieldType.MultiSelect,
        ["boolean"] = FieldType.Boolean, ["email"] = FieldType.Email, ["phone"] = FieldType.Phone, ["cccd"] = FieldType.Cccd,
        ["file"] = FieldType.File,
    };

    private static readonly string[] FileKinds = ["pdf", "jpg", "png"];

    private static readonly string[] PrefillSources = ["fullName", "dateOfBirth", "cccd", "phone", "email"];

    private Dictionary<string, FormDefinition> ParseForms(YamlMappingNode root)
    {
        var forms = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        if (read.Mapping(YamlReader.Get(root, "forms"), "forms") is not { } mapping)
            return forms;
        foreach (var (key, value) in mapping.Children)
        {
            var formId = ((YamlScalarNode)key).Value!;
            if (read.Mapping(value, formId) is not { } form)
                continue;
            var pages = new List<FormPage>();
            var fieldIds = new HashSet<string>(StringComparer.Ordinal);
            if (YamlReader.Get(form, "pages") is YamlSequenceNode pageList)
            {
                foreach (var page in pageList.OfType<YamlMappingNode>())
                    if (ParsePage(page, fieldIds) is { } parsed)
                        pages.Add(parsed);
            }
            else
                read.Error(form, $"Biểu mẫu '{formId}' cần 'pages' / Form '{formId}' needs `pages:` (a list of pages with fields).");
            var rules = ParseRules(form, fieldIds);
            forms[formId] = new FormDefinition(formId, pages, rules, read.Map.At(form));
        }
        return forms;
    }

    private FormPage? ParsePage(YamlMappingNode page, HashSet<string> fieldIds)
    {
        var id = read.String(page, "id", required: true);
        var title = read.Text(page, "title", required: true);
        var fields = new List<FieldDefinition>();
        if (YamlReader.Get(page, "fields") is YamlSequenceNode list)
        {
            foreach (var field in list.OfType<YamlMappingNode>())
                if (ParseField(field) is { } parsed)
                {
                    if (!fieldIds.Add(parsed.Id))
                        read.Error(field, $"Trùng mã trường '{parsed.Id}' / Duplicate field id '{parsed.Id}': field ids must be unique in a form.");
                    fields.Add(parsed);
                }
        }
        else
            read.Error(page, "Trang cần 'fields' / A page needs `fields:` (a list).");
        return id is null || title is null ? null : new FormPage(id, title, fields, read.Map.At(page));
    }

    private FieldDefinition? ParseField(YamlMappingNode field)
    {
        var id = read.String(field, "id", required: true);
        if (id is not null && !NamePattern().IsMatch(id))
            read.Error(YamlReader.Get(field, "id")!, $"Mã trường '{id}' không hợp lệ / Field id '{id}' must start with a letter and use letters, digits, '_' or '-'.");
        var typeName = read.String(field, "type", required: true);
        FieldType? type = null;
        if (typeName is not null)
        {
            if (FieldTypes.TryGetValue(typeName, out var known))
                type = known;
            else
                read.Error(YamlReader.Get(field, "type")!, $"Kiểu trường '{typeName}' không có / Unknown field type '{typeName}': use one of {string.Join(", ", FieldTypes.Keys)}.");
        }
        var label = read.Text(field, "label", required: true);
        var options = ParseOptions(field);
        var codeList = read.String(field, "codeList", required: false);
        if (type is FieldType.Select or FieldType.MultiSelect && options.Count == 0 && codeList is null)
            read.Error(field, $"Trường chọn '{id}' cần 'options' hoặc 'codeList' / The select field '{id}' needs `options:` or `codeList:`.");
        var prefill = read.String(field, "prefill", required: false);
        // source.<key>: a value copied from the parent dossier (startsFrom); the validator checks that the key is copied.
        if (prefill is not null && !PrefillSources.Contains(prefill) && !(prefill.StartsWith(StartsFrom.Variable + ".", StringComparison.Ordinal)
                                                                         && NamePattern().IsMatch(prefill[(StartsFrom.Variable.Length + 1)..])))
            read.Error(YamlReader.Get(field, "prefill")!, $"Không thể điền sẵn từ '{prefill}' / Unknown prefill '{prefill}': use {string.Join(", ", PrefillSources)}, " +
                                                          $"or {StartsFrom.Variable}.<key> for a value the procedure copies with `startsFrom:`.");
        var pattern = read.String(field, "pattern", required: false);
        if (pattern is not null)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern);
            }
            catch (ArgumentException error)
            {
                read.Error(YamlReader.Get(field, "pattern")!, $"Biểu thức chính quy sai / Invalid pattern: {error.Message}");
            }
        }
        var file = type == FieldType.File ? ParseFile(field) : null;
        if (id is null || type is null || label is null)
            return null;
        return new FieldDefinition(id, type.Value, label, read.Map.At(field))
        {
            Hint = read.Text(field, "hint", required: false),
            Required = read.Bool(field, "required"),
            Min = read.Decimal(field, "min"),
            Max = read.Decimal(field, "max"),
            MinLength = read.Int(field, "minLength", required: false),
            MaxLength = read.Int(field, "maxLength", required: false),
            Pattern = pattern,
            PatternMessage = read.Text(field, "patternMessage", required: false),
            Options = options,
            CodeList = codeList,
            VisibleWhen = read.Rule(YamlReader.Get(field, "visibleWhen")),
            Prefill = prefill,
            File = file,
        };
    }

    private List<FieldOption> ParseOptions(YamlMappingNode field)
    {
        var options = new List<FieldOption>();
        if (YamlReader.Get(field, "options") is not YamlSequenceNode list)
            return options;
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in list.OfType<YamlMappingNode>())
        {
            var value = read.String(option, "value", required: true);
            var label = read.Text(option, "label", required: true);
            if (value is not null && !values.Add(value))
                read.Error(option, $"Trùng giá trị lựa chọn '{value}' / Duplicate option value '{value}'.");
            if (value is not null && label is not null)
                options.Add(new FieldOption(value, label));
        }
        return options;
    }

    private FileConstraints ParseFile(YamlMappingNode field)
    {
        var node = read.Mapping(YamlReader.Get(field, "file"), "file");
        if (node is null)
            return new FileConstraints(FileKinds, 5 * 1024 * 1024, 1);
        var accept = YamlReader.Get(node, "accept") is YamlSequenceNode kinds
            ? kinds.OfType<YamlScalarNode>().Select(k => k.Value!.ToLowerInvariant()).ToList()
            : FileKinds.ToList();
        foreach (var kind in accept.Where(k => !FileKinds.Contains(k)))
            read.Error(node, $"Loại tệp '{kind}' không được nhận / File kind '{kind}' is not accepted: use pdf, jpg, png.");
        var maxMb = read.Decimal(node, "maxSizeMb") ?? 5;
        return new FileConstraints(accept, (long)(maxMb * 1024 * 1024), read.Int(node, "maxCount", required: false) ?? 1)
        {
            MinWidth = read.Int(node, "minWidth", required: false),
            MinHeight = read.Int(node, "minHeight", required: false),
        };
    }

    private List<FormRule> ParseRules(YamlMappingNode form, HashSet<string> fieldIds)
    {
        var rules = new List<FormRule>();
        if (YamlReader.Get(form, "rules") is not YamlSequenceNode list)
            return rules;
        foreach (var item in list.OfType<YamlMappingNode>())
        {
            var rule = read.Rule(YamlReader.Get(item, "rule") ?? Missing(item, "rule"));
            var message = read.Text(item, "message", required: true);
            var fields = YamlReader.Get(item, "fields") is YamlSequenceNode names
                ? names.OfType<YamlScalarNode>().ToList()
                : [];
            foreach (var name in fields.Where(f => !fieldIds.Contains(f.Value!)))
                read.Error(name, $"Quy tắc nhắc đến trường không có '{name.Value}' / The rule names an unknown field '{name.Value}'.");
            if (rule is not null && message is not null)
                rules.Add(new FormRule(rule, message, fields.Select(f => f.Value!).ToList(), read.Map.At(item)));
        }
        return rules;
    }

    private YamlNode? Missing(YamlMappingNode parent, string key)
    {
        read.Error(parent, $"Thiếu '{key}' / Missing '{key}'.");
        return null;
    }
}
