using System.Text.Json.Nodes;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Applications;

/// <summary>One page of an application being filled in: its fields, what was typed, the errors, and the uploads.</summary>
public sealed record FormPageModel(
    Guid DraftId,
    WorkflowDefinition Procedure,
    FormDefinition Form,
    int PageNumber,
    JsonObject Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<Guid, AttachmentRecord> Attachments,
    CodeListCatalog CodeLists,
    IReadOnlySet<string> HiddenFields)
{
    public FormPage Page => Form.Pages[PageNumber - 1];

    public string Text(string fieldId) => Values[fieldId] switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString().Trim('"'),
    };

    public IReadOnlyList<string> List(string fieldId) =>
        Values[fieldId] is JsonArray array ? array.Select(i => i?.ToString() ?? "").ToList() : Text(fieldId) is { Length: > 0 } one ? [one] : [];

    /// <summary>Rendered: visible by the stored answers, or shown and hidden in the browser (<see cref="ClientRule"/>).</summary>
    public bool IsRendered(FieldDefinition field) => !HiddenFields.Contains(field.Id) || ClientRule(field) is not null;

    /// <summary>The <c>visibleWhen</c> rule as JSON when it reads a field of this page, for the script to evaluate; else null.</summary>
    public string? ClientRule(FieldDefinition field) =>
        field.VisibleWhen is { } rule && SamePageRules.ReadsPage(rule, Form.Id, Page) ? rule.ToString() : null;

    /// <summary>The stored answers for the script's rule scope. The default encoder escapes &lt; and &gt;, so
    /// "&lt;/script&gt;" typed by the applicant cannot end the script element.</summary>
    public string DataJson => Values.ToJsonString();

    /// <summary>The procedure's settings, which <c>visibleWhen</c> rules may read as <c>settings.name</c> (for the script too).</summary>
    public string SettingsJson => Procedure.SettingValues().ToJsonString();

    /// <summary>How the script types a control's value, as the server does (numbers, booleans, lists).</summary>
    public static string DataType(FieldDefinition field) => field.Type switch
    {
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.Select => "select",
        FieldType.MultiSelect => "multiselect",
        FieldType.File => "file",
        _ => "text",
    };

    public IReadOnlyList<(string Value, LocalizedText Label)> Choices(FieldDefinition field) =>
        field.CodeList is { } list && CodeLists.Find(list) is { } codes
            ? codes.Items.Select(i => (i.Code, i.Name)).ToList()
            : field.Options.Select(o => (o.Value, o.Label)).ToList();

    /// <summary>A select's choices in groups: one unnamed group, or — for a code list with <c>groupedBy:</c> — one per parent,
    /// headed by the parent's name (an &lt;optgroup&gt;), in the order the items come.</summary>
    public IReadOnlyList<(LocalizedText? Heading, IReadOnlyList<(string Value, LocalizedText Label)> Choices)> ChoiceGroups(FieldDefinition field) =>
        field.CodeList is { } list && CodeLists.Find(list) is { GroupedBy: { } parentList } codes && CodeLists.Find(parentList) is { } parents
            ? codes.Items.GroupBy(i => i.Parent ?? "")
                .Select(g => (parents.Find(g.Key)?.Name, (IReadOnlyList<(string, LocalizedText)>)g.Select(i => (i.Code, i.Name)).ToList()))
                .ToList()
            : [(null, Choices(field))];
}
