using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// What the applicant's side needs of a procedure's settings, start-form window and <c>uniqueBy</c>: the data rules read
/// (the form and <c>settings</c>), whether the window is open (with the message when not), and the dossier's unique key.
/// </summary>
public static partial class ProcedureRules
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The start form's step settings, or null when the procedure does not start with a form.</summary>
    public static FormStepSettings? StartForm(WorkflowDefinition definition) =>
        definition.Flow.Steps[definition.Flow.Start].Settings as FormStepSettings;

    /// <summary>What rules may read besides the form: <c>settings</c> — the instance's own (fixed at its start) when given, else the procedure's now.</summary>
    public static JsonObject Context(WorkflowDefinition definition, JsonObject? variables = null) => new()
    {
        [ProcedureSetting.Variable] = (variables?[ProcedureSetting.Variable] as JsonObject)?.DeepClone() ?? definition.SettingValues(),
    };

    /// <summary>dd/MM/yyyy HH:mm in Vietnam time (UTC+7, no daylight saving).</summary>
    public static string Local(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Null while the start form's window is open; otherwise why not ("not yet open at …", "closed at …").</summary>
    public static LocalizedText? WindowRefusal(WorkflowDefinition definition, DateTimeOffset now) =>
        StartForm(definition) is { } form ? WindowRefusal(form, now) : null;

    public static LocalizedText? WindowRefusal(FormStepSettings form, DateTimeOffset now)
    {
        string At(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (form.Opens is { } opens && now < opens)
            return new LocalizedText($"Chưa đến thời gian đăng ký (mở lúc {At(opens)}).", $"Registration opens at {At(opens)} (Vietnam time).");
        if (form.Closes is { } closes && now >= closes)
            return new LocalizedText($"Đã hết thời gian đăng ký (đóng lúc {At(closes)}).", $"Registration closed at {At(closes)} (Vietnam time).");
        return null;
    }

    /// <summary>The dossier's <c>uniqueBy</c> key for these form values, or null (no rule, or it gives nothing).</summary>
    public static string? UniqueKey(WorkflowDefinition definition, string formId, JsonObject values, JsonObject context)
    {
        if (definition.UniqueBy is not { } unique)
            return null;
        var scope = (JsonObject)context.DeepClone();
        scope[formId] = values.DeepClone();
        var key = unique.Rule.Evaluate(scope) switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
        return string.IsNullOrWhiteSpace(key) ? null : key.Length <= 200 ? key : key[..200];
    }

    /// <summary>
    /// The refusal of a second live dossier with the same key: the procedure's <c>uniqueBy.message</c> when it has one, with
    /// <c>{code}</c> (the existing dossier's code, only when it is the applicant's own) and <c>{settings.name}</c> filled in.
    /// </summary>
    public static LocalizedText Duplicate(WorkflowDefinition definition, JsonObject context, string? ownCode)
    {
        var message = definition.UniqueBy?.Message ?? new LocalizedText(
            "Đã có hồ sơ khác của thủ tục này với cùng thông tin{code}; không thể nộp thêm.",
            "Another dossier of this procedure already has the same details{code}; a second one cannot be submitted.");
        var fallback = definition.UniqueBy?.Message is null;
        string Fill(string text, bool vi) => Placeholder().Replace(text, match => match.Groups[1].Value switch
        {
            "code" when fallback => ownCode is null ? "" : vi ? $" (hồ sơ {ownCode})" : $" (dossier {ownCode})",
            "code" => ownCode ?? (vi ? "của người khác" : "someone else's"),
            var path when path.StartsWith("settings.", StringComparison.Ordinal) =>
                context[ProcedureSetting.Variable]?[path["settings.".Length..]]?.ToString() ?? match.Value,
            _ => match.Value,
        });
        return new LocalizedText(Fill(message.Vi, true), Fill(message.En, false));
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();
}
