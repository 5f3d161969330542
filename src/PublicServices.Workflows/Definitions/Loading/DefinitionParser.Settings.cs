using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

internal sealed partial class DefinitionParser
{
    /// <summary>The procedure's settings, read before the flow so that forms' windows can name them.</summary>
    private Dictionary<string, ProcedureSetting> procedureSettings = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, SettingType> SettingTypeNames = new(StringComparer.Ordinal)
    {
        ["string"] = SettingType.String, ["number"] = SettingType.Number, ["boolean"] = SettingType.Boolean, ["datetime"] = SettingType.DateTime,
    };

    /// <summary>
    /// <c>settings: { examYear: 2027, opens: "2027-04-21T07:00:00+07:00", fee: 0, strict: true }</c>: the type follows the
    /// value (a number, true/false, an ISO date-time with offset, else a string); <c>{ type: datetime, value: … }</c> states it.
    /// </summary>
    private Dictionary<string, ProcedureSetting> ParseSettings(YamlMappingNode root)
    {
        var result = new Dictionary<string, ProcedureSetting>(StringComparer.Ordinal);
        if (read.Mapping(YamlReader.Get(root, "settings"), "settings") is not { } map)
            return result;
        foreach (var (key, node) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (!SettingName().IsMatch(name))
            {
                read.Error(key, $"Tên thiết lập '{name}' không hợp lệ / The setting name '{name}' must start with a letter and hold only letters, digits and '_'.");
                continue;
            }
            var (type, valueNode) = (default(SettingType?), node);
            if (node is YamlMappingNode explicitly)
            {
                foreach (var extra in explicitly.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("type" or "value")))
                    read.Error(extra, $"Khóa '{extra.Value}' không dùng trong thiết lập / Unknown key '{extra.Value}' in setting '{name}': use `type` and `value`.");
                var typeName = read.String(explicitly, "type", required: true);
                if (typeName is null)
                    continue;
                if (!SettingTypeNames.TryGetValue(typeName, out var named))
                {
                    read.Error(YamlReader.Get(explicitly, "type")!, $"Kiểu thiết lập '{typeName}' không có / Unknown setting type '{typeName}': use string, number, boolean or datetime.");
                    continue;
                }
                type = named;
                valueNode = YamlReader.Get(explicitly, "value");
                if (valueNode is null)
                {
                    read.Error(explicitly, $"Thiết lập '{name}' cần 'value' / Setting '{name}' needs its default `value:`.");
                    continue;
                }
            }
            var json = valueNode is YamlScalarNode ? read.Json(valueNode) : null;
            if (json is not JsonValue value)
            {
                read.Error(valueNode, $"Thiết lập '{name}' phải là một giá trị (chuỗi, số, true/false, ngày giờ) / Setting '{name}' must be one value: " +
                                      "a string, a number, true/false or an ISO date-time — not a list, a mapping or empty.");
                continue;
            }
            var inferred = value.TryGetValue<bool>(out _) ? SettingType.Boolean
                : value.TryGetValue<string>(out var text) ? ProcedureSetting.ParseDateTime(text) is not null ? SettingType.DateTime : SettingType.String
                : SettingType.Number;
            if (type is { } stated && stated != inferred)
            {
                // { type: string, value: 2027 } keeps the text; any other mismatch is a mistake.
                if (stated == SettingType.String && valueNode is YamlScalarNode { Value: { } written })
                    json = JsonValue.Create(written);
                else
                {
                    read.Error(valueNode, $"Giá trị của '{name}' không phải {ProcedureSetting.Describe(stated)} / The value of '{name}' is not {ProcedureSetting.Describe(stated)}.");
                    continue;
                }
            }
            result[name] = new ProcedureSetting(name, type ?? inferred, json!, read.Map.At(key));
        }
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex SettingName();

    /// <summary>
    /// <c>opens:</c>/<c>closes:</c> of a form may name a date-time setting, <c>{ setting: registrationOpens }</c>: the value is put
    /// in place for the settings record and the name is returned (so configuration overrides move the window). False on error.
    /// </summary>
    private bool ResolveWindow(JsonObject settings, string key, out string? setting)
    {
        setting = null;
        if (settings[key] is JsonValue literal && literal.TryGetValue<string>(out var text) && ProcedureSetting.ParseDateTime(text) is null)
        {
            read.Error(read.Map.Of(literal)!, $"'{key}: {text}' không phải ngày giờ ISO có múi giờ / `{key}:` must be an ISO 8601 date-time with its offset " +
                                              "(e.g. 2027-04-21T07:00:00+07:00) or `{ setting: name }`.");
            return false;
        }
        if (settings[key] is not JsonObject reference)
            return true;
        var location = read.Map.Of(reference)!;
        if (reference.Count != 1 || reference["setting"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
        {
            read.Error(location, $"'{key}' là ngày giờ ISO hoặc {{ setting: tên }} / `{key}:` is an ISO date-time or `{{ setting: name }}` naming a date-time setting.");
            return false;
        }
        if (!procedureSettings.TryGetValue(name, out var declared))
        {
            read.Error(location, $"Thiết lập '{name}' không có / Unknown setting '{name}': declare it under `settings:`.");
            return false;
        }
        if (declared.Type != SettingType.DateTime)
        {
            read.Error(location, $"Thiết lập '{name}' không phải ngày giờ / Setting '{name}' is not a date-time (it is {declared.Type}), so it cannot be `{key}:`.");
            return false;
        }
        settings[key] = JsonValue.Create(declared.Value.GetValue<string>());
        setting = name;
        return true;
    }

    /// <summary><c>uniqueBy: rule</c>, or <c>uniqueBy: { rule: …, message: { vi, en } }</c>.</summary>
    private UniqueKeyRule? ParseUniqueBy(YamlMappingNode root)
    {
        if (YamlReader.Get(root, "uniqueBy") is not { } node)
            return null;
        if (node is YamlMappingNode map && YamlReader.Get(map, "rule") is { } ruleNode)
        {
            foreach (var extra in map.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("rule" or "message")))
                read.Error(extra, $"Khóa '{extra.Value}' không dùng trong 'uniqueBy' / Unknown key '{extra.Value}' in `uniqueBy:`: use `rule` and `message`.");
            var message = read.Text(map, "message", required: false);
            return read.Rule(ruleNode) is { } withMessage ? new UniqueKeyRule(withMessage, message, read.Map.At(node)) : null;
        }
        return read.Rule(node) is { } rule ? new UniqueKeyRule(rule, null, read.Map.At(node)) : null;
    }
}
