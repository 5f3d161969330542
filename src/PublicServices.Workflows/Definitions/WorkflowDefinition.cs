using System.Text.Json.Nodes;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions;

/// <summary>
/// One procedure, one version, as loaded and validated from a file in workflows/.
/// Immutable; an instance is pinned to (Id, Version) for its whole life.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    string Agency,
    DurationSpec? Deadline,
    IReadOnlyDictionary<string, FormDefinition> Forms,
    FlowDefinition Flow,
    string ContentHash,
    SourceLocation Location)
{
    /// <summary>Short description shown in the catalogue.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Documents the applicant must prepare, shown in the catalogue.</summary>
    public IReadOnlyList<LocalizedText> RequiredDocuments { get; init; } = [];

    /// <summary>Fee as shown in the catalogue (the payment step computes the real amount).</summary>
    public LocalizedText? FeeText { get; init; }

    /// <summary>Whether an applicant may keep several drafts of this procedure at once.</summary>
    public bool AllowsSeveralDrafts { get; init; }

    /// <summary>When set, the procedure is started only from an eligible dossier of another procedure.</summary>
    public StartsFrom? StartsFrom { get; init; }

    /// <summary>The code lists the definition was loaded and checked with; the engine checks code-list values against them.</summary>
    public CodeListCatalog CodeLists { get; init; } = CodeListCatalog.Empty;

    /// <summary>Named values (<c>settings:</c>), in the order written; rules read them as <c>settings.&lt;name&gt;</c>.</summary>
    public IReadOnlyDictionary<string, ProcedureSetting> Settings { get; init; } = new Dictionary<string, ProcedureSetting>();

    /// <summary>At most one live dossier per value of this key (<c>uniqueBy:</c>), computed from the submitted data.</summary>
    public UniqueKeyRule? UniqueBy { get; init; }

    /// <summary>Values of the instance shown at the top of the applicant's dossier page when they have one (<c>highlights:</c>).</summary>
    public IReadOnlyList<Highlight> Highlights { get; init; } = [];

    /// <summary>The settings as rules read them: <c>{ "examYear": 2027, … }</c> (a new object each call).</summary>
    public JsonObject SettingValues()
    {
        var values = new JsonObject();
        foreach (var (name, setting) in Settings)
            values[name] = setting.Value.DeepClone();
        return values;
    }

    /// <summary>
    /// This definition with some settings' values replaced (configuration overrides, already parsed): the forms' windows
    /// that name a setting (<c>opens: { setting: … }</c>) follow. The content hash is the file's and does not change.
    /// </summary>
    public WorkflowDefinition WithSettings(IReadOnlyDictionary<string, ProcedureSetting> settings)
    {
        DateTimeOffset? Resolve(string? name, DateTimeOffset? current) =>
            name is not null && settings.TryGetValue(name, out var setting) && setting.Type == SettingType.DateTime ? setting.Instant : current;

        var steps = Flow.Steps.ToDictionary(s => s.Key, s => s.Value.Settings is FormStepSettings form && (form.OpensSetting ?? form.ClosesSetting) is not null
            ? s.Value with { Settings = form with { Opens = Resolve(form.OpensSetting, form.Opens), Closes = Resolve(form.ClosesSetting, form.Closes) } }
            : s.Value, StringComparer.Ordinal);
        return this with { Settings = settings, Flow = Flow with { Steps = steps } };
    }
}

/// <summary>
/// <c>uniqueBy:</c> — a rule over the submitted data (and settings) giving a key; a second live dossier of the procedure with
/// the same key is refused. <see cref="Message"/> may say why in the procedure's words; <c>{code}</c> in it is the existing
/// dossier's code (shown only to its own applicant) and <c>{settings.name}</c> a setting's value.
/// </summary>
public sealed record UniqueKeyRule(JsonLogicRule Rule, LocalizedText? Message, SourceLocation Location);
