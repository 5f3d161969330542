using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Platform.Documents;

/// <summary>
/// The PDF document templates of templates/documents/*.yaml, read and checked at start-up. An unknown block type or
/// setting, a missing required setting, or a placeholder the template's <c>placeholders:</c> list does not declare
/// is an error with file and line; every error is reported, not the first only.
/// </summary>
public sealed partial class DocumentTemplateCatalog(IReadOnlyDictionary<string, DocumentTemplate> templates)
{
    [GeneratedRegex(@"\{\{\s*([^{}\s]*)\s*\}\}")]
    internal static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex PlaceholderName();

    public DocumentTemplate? Find(string id) => templates.GetValueOrDefault(id);

    public DocumentTemplate Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Không có mẫu văn bản / No document template '{id}'.");

    public IReadOnlyCollection<string> Ids => templates.Keys.Order(StringComparer.Ordinal).ToList();

    public static DocumentTemplateCatalog LoadDirectory(string folder, List<DefinitionError> errors)
    {
        var templates = new Dictionary<string, DocumentTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [])
        {
            var before = errors.Count;
            var template = new TemplateReader(file, errors).Read();
            if (template is null || errors.Count > before)
                continue;
            if (!templates.TryAdd(template.Id, template))
                errors.Add(new DefinitionError(new SourceLocation(file, 1, 1),
                    $"Mẫu '{template.Id}' bị trùng / Duplicate document template id '{template.Id}'."));
        }
        return new DocumentTemplateCatalog(templates);
    }

    /// <summary>Reads one file; errors are collected, never thrown.</summary>
    private sealed class TemplateReader(string file, List<DefinitionError> errors)
    {
        private static readonly Dictionary<string, (string[] Required, string[] Optional)> Settings = new(StringComparer.Ordinal)
        {
            ["nationalHeader"] = ([], []),
            ["agency"] = (["text"], ["parent"]),
            ["numberDate"] = (["number", "date"], ["place"]),
            ["title"] = (["text"], ["subtitle"]),
            ["paragraph"] = (["text"], ["style", "align"]),
            ["fields"] = (["rows"], ["labelWidth"]),
            ["table"] = (["rows", "columns"], []),
            ["signature"] = (["title", "name"], ["signed"]),
            ["qr"] = (["value"], ["size", "align", "caption"]),
            ["footer"] = (["text"], []),
        };

        private readonly HashSet<string> declared = new(StringComparer.Ordinal);

        public DocumentTemplate? Read()
        {
            string text;
            YamlMappingNode root;
            try
            {
                text = File.ReadAllText(file);
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
                {
                    Error(null, "Tệp phải là một ánh xạ YAML / The file must be a YAML mapping.");
                    return null;
                }
                root = mapping;
            }
            catch (YamlException error)
            {
                errors.Add(new DefinitionError(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "YAML: " + error.Message));
                return null;
            }

            CheckKeys(root, ["id", "title", "numberSuffix", "page", "placeholders", "blocks"], "template");
            var id = Scalar(root, "id", required: true) ?? Path.GetFileNameWithoutExtension(file);
            var title = Scalar(root, "title", required: true) ?? "";
            var numberSuffix = Scalar(root, "numberSuffix", required: false);
            var margins = ReadPage(root);
            if (Get(root, "placeholders") is { } list)
            {
                if (list is YamlSequenceNode sequence)
                    foreach (var item in sequence)
                        if (item is YamlScalarNode { Value: { } name } && PlaceholderName().IsMatch(name))
                        {
                            if (!declared.Add(name))
                                Error(item, $"Biến '{name}' khai báo hai lần / Placeholder '{name}' is declared twice.");
                        }
                        else
                            Error(item, "Tên biến không hợp lệ / A placeholder name must be letters, digits and _.");
                else
                    Error(list, "'placeholders' phải là danh sách / 'placeholders' must be a list of names.");
            }

            var blocks = new List<DocumentBlock>();
            switch (Get(root, "blocks"))
            {
                case YamlSequenceNode sequence:
                    foreach (var item in sequence)
                        if (item is YamlMappingNode block)
                        {
                            if (ReadBlock(block) is { } read)
                                blocks.Add(read);
                        }
                        else
                            Error(item, "Mỗi khối phải là ánh xạ có 'type' / Each block must be a mapping with a 'type'.");
                    break;
                case null:
                    Error(root, "Thiếu 'blocks' / Missing 'blocks': a template needs at least one block.");
                    break;
                case var other:
                    Error(other, "'blocks' phải là danh sách / 'blocks' must be a list.");
                    break;
            }
            if (blocks.OfType<FooterBlock>().Count() > 1)
                Error(root, "Chỉ một khối 'footer' / Only one 'footer' block per template.");

            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            return new DocumentTemplate(id, title, margins, declared.Order(StringComparer.Ordinal).ToList(), blocks, hash)
            {
                NumberSuffix = numberSuffix,
            };
        }

        private PageMargins ReadPage(YamlMappingNode root)
        {
            if (Get(root, "page") is not { } node)
                return PageMargins.Default;
            if (node is not YamlMappingNode page)
            {
                Error(node, "'page' phải là ánh xạ / 'page' must be a mapping { size: A4, margins: {...} }.");
                return PageMargins.Default;
            }
            CheckKeys(page, ["size", "margins"], "page");
            if (Get(page, "size") is YamlScalarNode { Value: not "A4" } size)
                Error(size, $"Khổ giấy '{size.Value}' không hỗ trợ / Page size '{size.Value}' is not supported: use A4.");
            if (Get(page, "margins") is not { } marginsNode)
                return PageMargins.Default;
            if (marginsNode is not YamlMappingNode margins)
            {
                Error(marginsNode, "'margins' phải là ánh xạ / 'margins' must be a mapping { top, right, bottom, left } in mm.");
                return PageMargins.Default;
            }
            CheckKeys(margins, ["top", "right", "bottom", "left"], "margins");
            var d = PageMargins.Default;
            return new PageMargins(
                Number(margins, "top", 0, 100) ?? d.Top, Number(margins, "right", 0, 100) ?? d.Right,
                Number(margins, "bottom", 0, 100) ?? d.Bottom, Number(margins, "left", 0, 100) ?? d.Left);
        }

        private DocumentBlock? ReadBlock(YamlMappingNode block)
        {
            if (Get(block, "type") is not YamlScalarNode { Value: { Length: > 0 } type } typeNode)
            {
                Error(block, "Khối thiếu 'type' / A block needs a 'type'.");
                return null;
            }
            if (!Settings.TryGetValue(type, out var settings))
            {
                Error(typeNode, $"Loại khối '{type}' không có / Unknown block type '{type}': use {string.Join(", ", Settings.Keys)}.");
                return null;
            }
            CheckKeys(block, ["type", .. settings.Required, .. settings.Optional], type);
            var before = errors.Count;
            foreach (var key in settings.Required)
                if (Get(block, key) is null)
                    Error(block, $"Khối '{type}' thiếu '{key}' / The '{type}' block needs '{key}'.");

            DocumentBlock? result = type switch
            {
                "nationalHeader" => new NationalHeaderBlock(),
                "agency" => new AgencyBlock(Text(block, "text") ?? "", Text(block, "parent")),
                "numberDate" => new NumberDateBlock(Text(block, "number") ?? "", Name(block, "date") ?? "", Text(block, "place") ?? "Hà Nội"),
                "title" => new TitleBlock(Text(block, "text") ?? "", Text(block, "subtitle")),
                "paragraph" => ReadParagraph(block),
                "fields" => ReadFields(block),
                "table" => ReadTable(block),
                "signature" => new SignatureBlock(Text(block, "title") ?? "", Text(block, "name") ?? "",
                    Get(block, "signed") is YamlScalarNode { Value: "false" } ? null : Text(block, "signed") ?? "Đã ký số"),
                "qr" => new QrBlock(Name(block, "value") ?? "", Number(block, "size", 15, 80) ?? 28, Align(block, "align", TextAlign.Left), Text(block, "caption")),
                "footer" => new FooterBlock(Text(block, "text") ?? ""),
                _ => null,
            };
            return errors.Count > before ? null : result;
        }

        private ParagraphBlock ReadParagraph(YamlMappingNode block)
        {
            var style = Scalar(block, "style") ?? "normal";
            if (style is not ("normal" or "bold" or "italic" or "bold-italic"))
                Error(Get(block, "style"), $"Kiểu chữ '{style}' không có / Unknown style '{style}': use normal, bold, italic, bold-italic.");
            return new ParagraphBlock(Text(block, "text") ?? "", style.StartsWith("bold", StringComparison.Ordinal), style.EndsWith("italic", StringComparison.Ordinal),
                Align(block, "align", TextAlign.Justify));
        }

        private FieldsBlock ReadFields(YamlMappingNode block)
        {
            var rows = new List<FieldRow>();
            if (Get(block, "rows") is { } node)
            {
                if (node is YamlSequenceNode sequence && sequence.Children.Count > 0)
                    foreach (var item in sequence)
                        if (item is YamlMappingNode row)
                        {
                            CheckKeys(row, ["label", "value"], "fields row");
                            var label = Text(row, "label");
                            var value = Text(row, "value");
                            if (label is null || value is null)
                                Error(row, "Mỗi dòng cần 'label' và 'value' / Each row needs a 'label' and a 'value'.");
                            else
                                rows.Add(new FieldRow(label, value));
                        }
                        else
                            Error(item, "Mỗi dòng là { label, value } / Each row is a mapping { label, value }.");
                else
                    Error(node, "'rows' phải là danh sách không rỗng / 'rows' must be a non-empty list of { label, value }.");
            }
            return new FieldsBlock(rows, Number(block, "labelWidth", 10, 90) ?? 38);
        }

        private TableBlock ReadTable(YamlMappingNode block)
        {
            var rows = Name(block, "rows") ?? "";
            var columns = new List<TableColumn>();
            if (Get(block, "columns") is { } node)
            {
                if (node is YamlSequenceNode sequence && sequence.Children.Count > 0)
                {
                    foreach (var item in sequence)
                        if (item is YamlMappingNode column)
                        {
                            CheckKeys(column, ["header", "key", "width", "align", "codeList"], "table column");
                            var header = Text(column, "header");
                            var key = Scalar(column, "key");
                            var width = Number(column, "width", 1, 100);
                            if (header is null || key is null || width is null)
                                Error(column, "Mỗi cột cần 'header', 'key' và 'width' (%) / Each column needs 'header', 'key' and 'width' (%).");
                            else
                                columns.Add(new TableColumn(header, key, width.Value, Align(column, "align", TextAlign.Left), Scalar(column, "codeList")));
                        }
                        else
                            Error(item, "Mỗi cột là ánh xạ / Each column is a mapping { header, key, width }.");
                    var total = columns.Sum(c => c.WidthPercent);
                    if (columns.Count == sequence.Children.Count && Math.Abs(total - 100) > 0.5)
                        Error(node, $"Tổng độ rộng cột là {total.ToString(CultureInfo.InvariantCulture)}% / Column widths add up to {total.ToString(CultureInfo.InvariantCulture)}%, not 100%.");
                }
                else
                    Error(node, "'columns' phải là danh sách không rỗng / 'columns' must be a non-empty list.");
            }
            return new TableBlock(rows, columns);
        }

        /// <summary>A text setting: every {{placeholder}} in it must be declared.</summary>
        private string? Text(YamlMappingNode node, string key)
        {
            var value = Scalar(node, key);
            if (value is null)
                return null;
            var at = Get(node, key);
            foreach (Match match in Placeholder().Matches(value))
                CheckDeclared(at, match.Groups[1].Value);
            return value;
        }

        /// <summary>A setting that names one placeholder (a date, the table rows, the QR value).</summary>
        private string? Name(YamlMappingNode node, string key)
        {
            var value = Scalar(node, key);
            if (value is null)
                return null;
            var name = Placeholder().Match(value) is { Success: true } match ? match.Groups[1].Value : value.Trim();
            CheckDeclared(Get(node, key), name);
            return name;
        }

        private void CheckDeclared(YamlNode? at, string name)
        {
            if (!declared.Contains(name))
                Error(at, $"Biến '{name}' chưa khai báo trong 'placeholders' / Placeholder '{name}' is not declared in 'placeholders'"
                    + (declared.Count == 0 ? "." : $": declared are {string.Join(", ", declared.Order(StringComparer.Ordinal))}."));
        }

        private TextAlign Align(YamlMappingNode node, string key, TextAlign fallback)
        {
            var value = Scalar(node, key);
            if (value is null)
                return fallback;
            if (Enum.TryParse<TextAlign>(value, ignoreCase: true, out var align) && !int.TryParse(value, out _))
                return align;
            Error(Get(node, key), $"Căn lề '{value}' không có / Unknown alignment '{value}': use left, center, right, justify.");
            return fallback;
        }

        private double? Number(YamlMappingNode node, string key, double min, double max)
        {
            var value = Scalar(node, key);
            if (value is null)
                return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
                return number;
            Error(Get(node, key), $"'{key}' phải là số từ {min} đến {max} / '{key}' must be a number from {min} to {max}.");
            return null;
        }

        private string? Scalar(YamlMappingNode node, string key, bool required = false)
        {
            switch (Get(node, key))
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    return text;
                case null or YamlScalarNode:
                    if (required)
                        Error(node, $"Thiếu '{key}' / Missing '{key}'.");
                    return null;
                case var other:
                    Error(other, $"'{key}' phải là chuỗi / '{key}' must be a single value.");
                    return null;
            }
        }

        private void CheckKeys(YamlMappingNode node, string[] allowed, string where)
        {
            foreach (var key in node.Children.Keys)
                if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
                    Error(key, $"Thiết lập '{key}' không có trong '{where}' / Unknown setting '{key}' in '{where}': use {string.Join(", ", allowed)}.");
        }

        private static YamlNode? Get(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private void Error(YamlNode? at, string message) =>
            errors.Add(new DefinitionError(new SourceLocation(file, (int)(at?.Start.Line ?? 1), (int)(at?.Start.Column ?? 1)), message));
    }
}
