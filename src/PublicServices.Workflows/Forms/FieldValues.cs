using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Workflows.Forms;

/// <summary>A problem with one field's value, in both languages.</summary>
public sealed record FieldProblem(string FieldId, LocalizedText Message);

/// <summary>
/// The rules of one field's value, shared by applicants' forms (Platform's <c>FormValidator</c>) and the fields an
/// official fills with a task outcome: converts what was typed (strings from an HTML form, or JSON from the API) to the
/// field's type — numbers as numbers, dates as yyyy-MM-dd, booleans, lists — and checks length, pattern, range, options
/// or code list, e-mail, phone and CCCD. <c>required</c> and <c>visibleWhen</c> are the caller's to apply.
/// </summary>
public static partial class FieldValues
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(0|\+84)(3|5|7|8|9)\d{8}$")]
    private static partial Regex Phone();

    /// <summary>The typed value (null when nothing was given) and the problem with it, if any. A value with a problem is
    /// still returned when it can be, so that what was typed can be shown again.</summary>
    public static (JsonNode? Value, LocalizedText? Error) Convert(FieldDefinition field, JsonNode? raw, CodeListCatalog codeLists, int currentYear)
    {
        if (field.Type is FieldType.MultiSelect or FieldType.File)
            return List(field, raw, codeLists);
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
            FieldType.Select => Choice(field, text, codeLists),
            FieldType.Email when !Email().IsMatch(text) => (JsonValue.Create(text), Text("E-mail không đúng định dạng, ví dụ ten@example.com.", "Enter an e-mail address like name@example.com.")),
            FieldType.Phone when !Phone().IsMatch(text) => (JsonValue.Create(text), Text("Số điện thoại di động không đúng, ví dụ 0912345678.", "Enter a Vietnamese mobile number like 0912345678.")),
            FieldType.Cccd => Cccd(text, currentYear),
            _ => TextValue(field, text),
        };
    }

    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue text when text.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    /// <summary>The message for a required field left empty.</summary>
    public static LocalizedText Required(FieldDefinition field) =>
        new($"Vui lòng nhập {field.Label.Vi.ToLowerInvariant()}.", $"Enter {field.Label.En.ToLowerInvariant()}.");

    /// <summary>
    /// Checks a flat list of fields (no <c>visibleWhen</c>): every given value converted and checked, every required one
    /// present, and no value for a field that is not in the list. Returns the typed values and every problem found.
    /// </summary>
    public static (JsonObject Values, IReadOnlyList<FieldProblem> Problems) Validate(
        IReadOnlyList<FieldDefinition> fields, JsonObject? input, CodeListCatalog codeLists, int currentYear)
    {
        var values = new JsonObject();
        var problems = new List<FieldProblem>();
        foreach (var field in fields)
        {
            var (value, error) = Convert(field, input?[field.Id], codeLists, currentYear);
            if (error is not null)
                problems.Add(new FieldProblem(field.Id, error));
            else if (field.Required && IsEmpty(value))
                problems.Add(new FieldProblem(field.Id, Required(field)));
            if (value is not null)
                values[field.Id] = value;
        }
        foreach (var (key, _) in input ?? [])
            if (fields.All(f => f.Id != key))
                problems.Add(new FieldProblem(key, Text($"Không có trường '{key}' ở lựa chọn này.", $"There is no field '{key}' for this choice.")));
        return (values, problems);
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

    private static (JsonNode?, LocalizedText?) Choice(FieldDefinition field, string code, CodeListCatalog codeLists) =>
        IsAllowed(field, code, codeLists)
            ? (JsonValue.Create(code), null)
            : (JsonValue.Create(code), Text("Lựa chọn không có trong danh sách.", "Choose one of the options listed."));

    private static bool IsAllowed(FieldDefinition field, string code, CodeListCatalog codeLists) =>
        field.CodeList is { } list ? codeLists.Find(list)?.Find(code) is not null : field.Options.Any(o => o.Value == code);

    private static (JsonNode?, LocalizedText?) List(FieldDefinition field, JsonNode? raw, CodeListCatalog codeLists)
    {
        var items = raw switch
        {
            JsonArray array => array.Select(i => i?.ToString() ?? "").ToList(),
            JsonValue value when value.TryGetValue<string>(out var one) && one.Length > 0 => [one],
            _ => [],
        };
        var list = new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        if (field.Type == FieldType.MultiSelect && items.Any(i => !IsAllowed(field, i, codeLists)))
            return (list, Text("Có lựa chọn không nằm trong danh sách.", "Choose only options that are listed."));
        if (field.Type == FieldType.MultiSelect && items.Distinct().Count() != items.Count)
            return (list, Text("Mỗi lựa chọn chỉ chọn một lần.", "Choose each option once."));
        if (field.File is { } file && items.Count > file.MaxCount)
            return (list, Text($"Tối đa {file.MaxCount} tệp.", $"Attach at most {file.MaxCount} file(s)."));
        return (list, null);
    }

    private static (JsonNode?, LocalizedText?) Cccd(string text, int currentYear)
    {
        var problems = CccdNumber.Validate(text, null, null, currentYear);
        if (problems.Count == 0)
            return (JsonValue.Create(text), null);
        var parts = problems[0].Split(" / ", 2);
        return (JsonValue.Create(text), new LocalizedText(parts[0], parts.Length > 1 ? parts[1] : parts[0]));
    }

    private static LocalizedText Text(string vi, string en) => new(vi, en);
}
