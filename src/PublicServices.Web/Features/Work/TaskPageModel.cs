using System.Text.Json.Nodes;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Web.Features.Work;

/// <summary>Everything the task page shows: the task, the dossier as the applicant entered it, files, timeline, outcomes,
/// what the official posted (kept when it was refused) and the errors (by input id).</summary>
public sealed record TaskPageModel(
    TaskRecord Task, DossierDetail Dossier, WorkflowDefinition Definition, IReadOnlyDictionary<Guid, AttachmentRecord> Files,
    CodeListCatalog CodeLists, IReadOnlyList<(string Id, string Name)> Colleagues, bool IsLeader, string UserId,
    IReadOnlyDictionary<string, string> Errors)
{
    public TaskStepSettings Settings => (TaskStepSettings)Definition.Flow.Steps[Task.StepId].Settings;

    /// <summary>The decision as posted, shown again after a refusal so that nothing typed is lost.</summary>
    public PostedDecision Posted { get; init; } = PostedDecision.Empty;

    /// <summary>Name and id of the input of an outcome's field (one set per outcome, so two outcomes may share a field id).</summary>
    public static string InputName(string outcome, FieldDefinition field) => $"f.{outcome}.{field.Id}";

    public static string InputId(string outcome, string fieldId) => $"f-{outcome}-{fieldId}";

    /// <summary>What was typed in an outcome field's input (only the chosen outcome's inputs are kept).</summary>
    public string Typed(string outcome, FieldDefinition field) =>
        Posted.Outcome == outcome && Posted.Values[field.Id] is { } value ? (value is JsonArray ? "" : value.ToString()) : "";

    public IReadOnlyList<string> TypedList(string outcome, FieldDefinition field) =>
        Posted.Outcome == outcome && Posted.Values[field.Id] is JsonArray list ? list.Select(v => v?.ToString() ?? "").ToList() : [];

    public IReadOnlyList<(string Value, LocalizedText Label)> Choices(FieldDefinition field) =>
        field.CodeList is { } list && CodeLists.Find(list) is { } codes
            ? codes.Items.Select(i => (i.Code, i.Name)).ToList()
            : field.Options.Select(o => (o.Value, o.Label)).ToList();

    /// <summary>
    /// The values officials recorded with their decisions so far (e.g. the diploma number when the request was accepted),
    /// one entry per task step whose latest decision has fields, in the order of the flow.
    /// </summary>
    public IReadOnlyList<RecordedDecision> Decisions =>
        (from step in Definition.Flow.Steps.Values
         where step.Settings is TaskStepSettings
         let decision = Dossier.Variables[step.Id] as JsonObject
         where decision?["fields"] is JsonObject { Count: > 0 }
         let settings = (TaskStepSettings)step.Settings
         let outcome = decision!["outcome"]?.ToString() ?? ""
         where settings.Outcomes.ContainsKey(outcome)
         select new RecordedDecision(step.Title ?? Definition.Title, settings.Outcomes[outcome], (JsonObject)decision["fields"]!,
             DateTime.TryParse(decision["at"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture,
                 System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? at : null)).ToList();

    public LocalizedText StepTitle => Definition.Flow.Steps[Task.StepId].Title ?? Definition.Title;

    public IEnumerable<(FormDefinition Form, FieldDefinition Field)> Fields =>
        from form in Definition.Forms.Values from page in form.Pages from input in page.Fields select (form, input);

    /// <summary>A field's value as a person reads it: code-list and option names, dates dd/MM/yyyy, yes/no.</summary>
    public string Display(FormDefinition form, FieldDefinition field, string language, string yes, string no) =>
        Display(field, Dossier.Variables[form.Id]?[field.Id], language, yes, no);

    public string Display(FieldDefinition field, JsonNode? value, string language, string yes, string no)
    {
        if (value is null)
            return "—";
        string Name(string code) => Platform.Forms.FieldDisplay.Name(field, code, CodeLists, language);
        return field.Type switch
        {
            FieldType.Select => Name(value.ToString()),
            FieldType.MultiSelect => string.Join(", ", value.AsArray().Select(v => Name(v!.ToString()))),
            FieldType.Date when DateOnly.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var date) => date.ToString("dd/MM/yyyy"),
            FieldType.Boolean => value.ToString() == "true" ? yes : no,
            FieldType.File => "",
            _ => value.ToString(),
        };
    }

    public IEnumerable<AttachmentRecord> FilesOf(FormDefinition form, FieldDefinition field) =>
        (Dossier.Variables[form.Id]?[field.Id] as JsonArray)?
        .Select(n => Guid.TryParse(n?.ToString(), out var id) && Files.TryGetValue(id, out var file) ? file : null)
        .OfType<AttachmentRecord>() ?? [];
}

/// <summary>The official's post on the task page: the outcome, the reason, the supplement's fields and the chosen outcome's values.</summary>
public sealed record PostedDecision(string? Outcome, string? Comment, IReadOnlyList<string> SupplementFields, JsonObject Values)
{
    public static PostedDecision Empty { get; } = new(null, null, [], []);
}

/// <summary>A decision's recorded values, for the officials who come later.</summary>
public sealed record RecordedDecision(LocalizedText StepTitle, TaskOutcome Outcome, JsonObject Values, DateTime? At);
