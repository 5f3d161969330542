using System.Globalization;
using System.Text.Json.Nodes;
using PublicServices.Workflows.JsonLogic;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>Typed reads from YAML nodes that record a precise, bilingual error instead of throwing.</summary>
internal sealed class YamlReader(SourceMap map, List<DefinitionError> errors)
{
    public SourceMap Map { get; } = map;

    public void Error(YamlNode node, string message) => errors.Add(new DefinitionError(Map.At(node), message));

    public void Error(SourceLocation location, string message) => errors.Add(new DefinitionError(location, message));

    public static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode mapping)
            return mapping;
        if (node is not null)
            Error(node, $"'{what}' phải là một ánh xạ (key: value) / '{what}' must be a mapping (key: value).");
        return null;
    }

    public string? String(YamlMappingNode parent, string key, bool required)
    {
        var node = Get(parent, key);
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
            return value;
        if (node is not null)
            Error(node, $"'{key}' phải là một chuỗi / '{key}' must be a string.");
        else if (required)
            Error(parent, $"Thiếu '{key}' / Missing '{key}': add `{key}: …`.");
        return null;
    }

    public int? Int(YamlMappingNode parent, string key, bool required)
    {
        var text = String(parent, key, required);
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(Get(parent, key)!, $"'{key}' phải là số nguyên / '{key}' must be a whole number, got '{text}'.");
        return null;
    }

    public decimal? Decimal(YamlMappingNode parent, string key)
    {
        var text = String(parent, key, false);
        if (text is null)
            return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(Get(parent, key)!, $"'{key}' phải là số / '{key}' must be a number, got '{text}'.");
        return null;
    }

    public bool Bool(YamlMappingNode parent, string key)
    {
        var text = String(parent, key, false);
        if (text is null)
            return false;
        if (text is "true" or "false")
            return text == "true";
        Error(Get(parent, key)!, $"'{key}' phải là true hoặc false / '{key}' must be true or false.");
        return false;
    }

    /// <summary>A {vi, en} text; both languages are required.</summary>
    public LocalizedText? Text(YamlMappingNode parent, string key, bool required)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            if (required)
                Error(parent, $"Thiếu '{key}' (vi và en) / Missing '{key}': add `{key}: {{ vi: …, en: … }}`.");
            return null;
        }
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{key}' cần cả tiếng Việt và tiếng Anh / '{key}' needs both languages: `{key}: {{ vi: …, en: … }}`.");
            return null;
        }
        CheckOnlyLanguages(mapping, key);
        var vi = Get(mapping, "vi") is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;
        var en = Get(mapping, "en") is YamlScalarNode { Value: { Length: > 0 } e } ? e : null;
        if (vi is null)
            Error(mapping, $"Thiếu tiêu đề tiếng Việt ở '{key}' / Missing Vietnamese text in '{key}': add `vi: …`.");
        if (en is null)
            Error(mapping, $"Thiếu tiêu đề tiếng Anh ở '{key}' / Missing English text in '{key}': add `en: …`.");
        return vi is null || en is null ? null : new LocalizedText(vi, en);
    }

    /// <summary>
    /// In <c>{ vi: Chương trình, ngành đào tạo, en: … }</c> YAML reads "ngành đào tạo" as a second key and cuts the text at
    /// the comma, silently: any key besides vi and en is reported, with the fix.
    /// </summary>
    public void CheckOnlyLanguages(YamlMappingNode mapping, string key)
    {
        foreach (var extra in mapping.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("vi" or "en")))
            Error(extra, $"'{extra.Value}' thừa trong '{key}': văn bản có dấu phẩy trong {{ … }} phải đặt trong ngoặc kép / " +
                         $"Unexpected '{extra.Value}' in '{key}': a text with a comma inside {{ … }} must be quoted, e.g. `vi: \"A, B\"`.");
    }

    public DurationSpec? Duration(YamlMappingNode parent, string key)
    {
        var node = Get(parent, key);
        if (node is null)
            return null;
        if (node is YamlMappingNode { } mapping && Get(mapping, "workingDays") is YamlScalarNode { Value: var days }
            && int.TryParse(days, out var workingDays))
            return new DurationSpec(workingDays, DurationUnit.WorkingDays);
        if (node is YamlScalarNode { Value: { } text } && DurationParser.TryParse(text) is { } duration)
            return duration;
        Error(node, $"'{key}' không phải khoảng thời gian / '{key}' is not a duration: {DurationParser.Help}.");
        return null;
    }

    /// <summary>Parses a JsonLogic rule written in YAML or JSON; an invalid operator points at its own line.</summary>
    public JsonLogicRule? Rule(YamlNode? node)
    {
        if (node is null)
            return null;
        var json = Map.ToJson(node);
        try
        {
            return JsonLogicRule.Parse(json);
        }
        catch (JsonLogicException error)
        {
            Error(Map.Of(error.Node) ?? Map.At(node), error.Message);
            return null;
        }
    }

    public JsonNode? Json(YamlNode node) => Map.ToJson(node);
}
