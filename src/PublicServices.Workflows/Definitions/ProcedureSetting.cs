using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PublicServices.Workflows.Definitions;

public enum SettingType { String, Number, Boolean, DateTime }

/// <summary>
/// A named value of a procedure (<c>settings:</c> in its file): the exam year, the registration window, a fee. Rules read
/// it as <c>{ var: settings.&lt;name&gt; }</c>; configuration may override it per environment
/// (<c>Workflows:Settings:&lt;procedure&gt;:&lt;name&gt;</c>). <see cref="Value"/> is a JSON string, number or boolean;
/// a date-time is kept as its ISO 8601 text (with its offset), so rules compare it as text.
/// </summary>
public sealed partial record ProcedureSetting(string Name, SettingType Type, JsonNode Value, SourceLocation Location)
{
    /// <summary>The variable holding the settings in an instance and in the data rules read: <c>settings.examYear</c>.</summary>
    public const string Variable = "settings";

    /// <summary>Where the current value came from: the file, or the configuration key that overrode it.</summary>
    public string? OverriddenBy { get; init; }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();

    /// <summary>An ISO 8601 date-time with its offset ("2027-04-21T07:00:00+07:00", "…Z"): no time zone is ever guessed.</summary>
    public static DateTimeOffset? ParseDateTime(string? text) =>
        text is not null && IsoDateTime().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    /// <summary>The instant of a date-time setting.</summary>
    public DateTimeOffset Instant => Type == SettingType.DateTime && ParseDateTime(Value.GetValue<string>()) is { } at
        ? at
        : throw new InvalidOperationException($"Setting '{Name}' is not a date-time.");

    /// <summary>Reads a value given as text (an override from configuration) as this setting's type; null when it does not parse.</summary>
    public static JsonNode? Parse(SettingType type, string text)
    {
        text = text.Trim();
        return type switch
        {
            SettingType.String => JsonValue.Create(text),
            SettingType.Number when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            SettingType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => JsonValue.Create(number),
            SettingType.Boolean when text is "true" or "True" or "false" or "False" => JsonValue.Create(text is "true" or "True"),
            SettingType.DateTime when ParseDateTime(text) is not null => JsonValue.Create(text),
            _ => null,
        };
    }

    public static string Describe(SettingType type) => type switch
    {
        SettingType.Number => "số / a number",
        SettingType.Boolean => "true hoặc false / true or false",
        SettingType.DateTime => "ngày giờ ISO 8601 có múi giờ / an ISO 8601 date-time with its offset, e.g. 2027-04-21T07:00:00+07:00",
        _ => "chuỗi / a string",
    };
}
