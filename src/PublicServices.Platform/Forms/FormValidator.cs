using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Forms;

namespace PublicServices.Platform.Forms;

/// <summary>
/// The server's authority over a form: converts what was typed (strings from an HTML form, or JSON from the API) to typed
/// values and applies every rule of the definition — required, type, length, pattern, range, options or code list,
/// e-mail, phone, CCCD, and the cross-field rules — skipping fields hidden by <c>visibleWhen</c>. Uploads are checked
/// where they are received; here a file field holds the list of attachment ids.
/// </summary>
public sealed partial class FormValidator(CodeListCatalog codeLists, TimeProvider clock)
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(0|\+84)(3|5|7|8|9)\d{8}$")]
    private static partial Regex Phone();

    /// <summary>Validates the fields of <paramref name="pages"/> (one page, or all for the final check) and, when
    /// <paramref name="checkRules"/>, the cross-field rules. <paramref name="context"/> holds other variables rules may read.</summary>
    public FormValidationResult Validate(FormDefinition form, IEnumerable<FormPage> pages, JsonObject input, bool checkRules, JsonObject? context = null)
    {
        var values = new JsonObject();
        var errors = new List<FieldError>();
        var pageList = pages.ToList();
        foreach (var field in pageList.SelectMany(p => p.Fields))
        {
            var (value, error) = Convert(field, input[field.Id]);
            if (error is not null)
                errors.Add(new FieldError(field.Id, error));
            if (value is not null)
                values[field.Id] = value;
        }
        var scope = Scope(form, context, input, values);
        foreach (var field in pageList.SelectMany(p => p.Fields))
        {
            if (field.VisibleWhen is { } visible && !visible.IsTruthy(scope))
            {
                values.Remove(field.Id);
                errors.RemoveAll(e => e.FieldId == field.Id);
                continue;
            }
            if (field.Required && IsEmpty(values[field.Id]) && errors.All(e => e.FieldId != field.Id))
                errors.Add(new FieldError(field.Id, new LocalizedText($"Vui lòng nhập {field.Label.Vi.ToLowerInvariant()}.", $"Enter {field.Label.En.ToLowerInvariant()}.")));
        }
        if (checkRules && errors.Count == 0)
        {
            scope = Scope(form, context, input, values);
            foreach (var rule in form.Rules.Where(r => !r.Rule.IsTruthy(scope)))
                errors.Add(new FieldError(rule.Fields.FirstOrDefault() ?? "", rule.Message));
        }
        return new FormValidationResult(values, errors);
    }

    private static JsonObject Scope(FormDefinition form, JsonObject? context, JsonObject input, JsonObject values)
    {
        var scope = (JsonObject?)context?.DeepClone() ?? [];
        var merged = (JsonObject)input.DeepClone();
        foreach (var (key, value) in values)
            merged[key] = value?.DeepClone();
        scope[form.Id] = merged;
        return scope;
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue text when text.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    private (JsonNode? Value, LocalizedText? Error) Convert(FieldDefinition field, JsonNode? raw)
    {
        if (field.Type is FieldType.MultiSelect or FieldType.File)
            return List(field, raw);
        var text = raw switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
        if (raw is JsonArray or JsonObject)
            return (null, Text("Giá trị không hợp lệ.", "This value is not valid."));
        if (string.IsNullOrEmpty(text))
            return (field.Type == FieldType.Boolean && raw is not null ? JsonValue.Create(false) : null, null);
        return field.Type switch
        {
            FieldType.Number => Number(field, text),
            FieldType.Date => Date(text),
            FieldType.Boolean => text is "true" or "on" or "1" ? (JsonValue.Create(true), null)
                : text is "false" or "off" or "0" ? (JsonValue.Create(false), null)
                : (null, Text("Chọn có hoặc không.", "Choose yes or no.")),
            FieldType.Select => Choice(field, text),
            FieldType.Email when !Email().IsMatch(text) => (JsonValue.Create(text), Text("E-mail không đúng định dạng, ví dụ ten@example.com.", "Enter an e-mail address like name@example.com.")),
            FieldType.Phone when !Phone().IsMatch(text) => (JsonValue.Create(text), Text("Số điện thoại di động không đúng, ví dụ 0912345678.", "Enter a Vietnamese mobile number like 0912345678.")),
            FieldType.Cccd => Cccd(text),
            _ => TextValue(field, text),
        };
    }

    private static (JsonNode?, LocalizedText?) TextValue(FieldDefinition field, string text)
    {
        if (field.MinLength is { } min && text.Length < min)
            return (JsonValue.Create(text), Text($"Cần ít nhất {min} ký tự.", $"Use at least {min} characters."));
        if (field.MaxLength is { } max && text.Length > max)
            return (JsonValue.Create(text), Text($"Tối đa {max} ký tự (đang có {text.Length}).", $"Use at most {max} characters (you have {text.Length})."));
        if (field.Pattern is { } pattern && !Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            return (JsonValue.Create(text), field.PatternMessage ?? Text("Giá trị không đúng định dạng.", "This value is not in the expected format."));
        return (JsonValue.Create(text), null);
    }

    private static (JsonNode?, LocalizedText?) Number(FieldDefinition field, string text)
    {
        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return (JsonValue.Create(text), Text("Vui lòng nhập một số.", "Enter a number."));
        if (field.Min is { } min && number < min)
            return (JsonValue.Create(number), Text($"Giá trị nhỏ nhất là {min}.", $"The smallest value is {min}."));
        if (field.Max is { } max && number > max)
            return (JsonValue.Create(number), Text($"Giá trị lớn nhất là {max}.", $"The largest value is {max}."));
        return (JsonValue.Create(number), null);
    }

    private static (JsonNode?, LocalizedText?) Date(string text)
    {
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null)
            : (JsonValue.Create(text), Text("Ngày không hợp lệ, ví dụ 15/03/2007.", "Enter a real date, for example 15/03/2007."));
    }

    private (JsonNode?, LocalizedText?) Choice(FieldDefinition field, string code) =>
        IsAllowed(field, code)
            ? (JsonValue.Create(code), null)
            : (JsonValue.Create(code), Text("Lựa chọn không có trong danh sách.", "Choose one of the options listed."));

    private bool IsAllowed(FieldDefinition field, string code) =>
        field.CodeList is { } list ? codeLists.Find(list)?.Find(code) is not null : field.Options.Any(o => o.Value == code);

    private (JsonNode?, LocalizedText?) List(FieldDefinition field, JsonNode? raw)
    {
        var items = raw switch
        {
            JsonArray array => array.Select(i => i?.ToString() ?? "").ToList(),
            JsonValue value when value.TryGetValue<string>(out var one) && one.Length > 0 => [one],
            _ => [],
        };
        var list = new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        if (field.Type == FieldType.MultiSelect && items.Any(i => !IsAllowed(field, i)))
            return (list, Text("Có lựa chọn không nằm trong danh sách.", "Choose only options that are listed."));
        if (field.Type == FieldType.MultiSelect && items.Distinct().Count() != items.Count)
            return (list, Text("Mỗi lựa chọn chỉ chọn một lần.", "Choose each option once."));
        if (field.File is { } file && items.Count > file.MaxCount)
            return (list, Text($"Tối đa {file.MaxCount} tệp.", $"Attach at most {file.MaxCount} file(s)."));
        return (list, null);
    }

    private (JsonNode?, LocalizedText?) Cccd(string text)
    {
        var problems = CccdNumber.Validate(text, null, null, clock.GetUtcNow().Year);
        if (problems.Count == 0)
            return (JsonValue.Create(text), null);
        var parts = problems[0].Split(" / ", 2);
        return (JsonValue.Create(text), new LocalizedText(parts[0], parts.Length > 1 ? parts[1] : parts[0]));
    }

    private static LocalizedText Text(string vi, string en) => new(vi, en);
}
