using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Web.Features.Work;

/// <summary>Everything the task page shows: the task, the dossier as the applicant entered it, files, timeline, outcomes.</summary>
public sealed record TaskPageModel(
    TaskRecord Task, DossierDetail Dossier, WorkflowDefinition Definition, IReadOnlyDictionary<Guid, AttachmentRecord> Files,
    CodeListCatalog CodeLists, IReadOnlyList<(string Id, string Name)> Colleagues, bool IsLeader, string UserId,
    IReadOnlyDictionary<string, string> Errors)
{
    public TaskStepSettings Settings => (TaskStepSettings)Definition.Flow.Steps[Task.StepId].Settings;

    public LocalizedText StepTitle => Definition.Flow.Steps[Task.StepId].Title ?? Definition.Title;

    public IEnumerable<(FormDefinition Form, FieldDefinition Field)> Fields =>
        from form in Definition.Forms.Values from page in form.Pages from input in page.Fields select (form, input);

    /// <summary>A field's value as a person reads it: code-list and option names, dates dd/MM/yyyy, yes/no.</summary>
    public string Display(FormDefinition form, FieldDefinition field, string language, string yes, string no)
    {
        var value = Dossier.Variables[form.Id]?[field.Id];
        if (value is null)
            return "—";
        string Name(string code) =>
            field.CodeList is { } list ? CodeLists.Find(list)?.Find(code)?.Name.For(language) ?? code
            : field.Options.FirstOrDefault(o => o.Value == code)?.Label.For(language) ?? code;
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
        (Dossier.Variables[form.Id]?[field.Id] as System.Text.Json.Nodes.JsonArray)?
        .Select(n => Guid.TryParse(n?.ToString(), out var id) && Files.TryGetValue(id, out var file) ? file : null)
        .OfType<AttachmentRecord>() ?? [];
}
