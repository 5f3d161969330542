using System.Globalization;
using System.Text.Json.Nodes;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions;

/// <summary>
/// One entry of <c>highlights:</c> — a value of the instance worth showing at the top of the applicant's dossier page
/// (the exam's candidate number, room and site): a label and a rule over the instance's variables, shown only while the
/// rule gives something (not null, "", nor an empty list).
/// </summary>
public sealed record Highlight(LocalizedText Label, JsonLogicRule Value, SourceLocation Location)
{
    /// <summary>
    /// The text of the value over <paramref name="variables"/>, or null when there is nothing to show: a text as it is, a
    /// number with the language's decimal separator ("7,46" / "7.46"), yes/no, a list's items joined by ", ". A rule that
    /// cannot be evaluated on these variables (a value not there yet) shows nothing rather than failing the page.
    /// </summary>
    public LocalizedText? Text(JsonNode? variables)
    {
        JsonNode? value;
        try
        {
            value = Value.Evaluate(variables);
        }
        catch (JsonLogicException)
        {
            return null;
        }
        var vi = Format(value, Vietnamese);
        return string.IsNullOrWhiteSpace(vi) ? null : new LocalizedText(vi, Format(value, CultureInfo.InvariantCulture)!);
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string? Format(JsonNode? value, CultureInfo culture) => value switch
    {
        null => null,
        JsonArray list => string.Join(", ", list.Select(item => Format(item, culture)).Where(text => !string.IsNullOrWhiteSpace(text))),
        JsonObject => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text.Trim(),
        JsonValue v when v.TryGetValue<bool>(out var flag) => culture == Vietnamese ? (flag ? "Có" : "Không") : (flag ? "Yes" : "No"),
        _ when JsonNumbers.TryGetDouble(value, out var number) => number.ToString("0.##########", culture),
        _ => value.ToJsonString(),
    };
}
