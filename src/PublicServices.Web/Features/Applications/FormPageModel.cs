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

    public IReadOnlyList<(string Value, LocalizedText Label)> Choices(FieldDefinition field) =>
        field.CodeList is { } list && CodeLists.Find(list) is { } codes
            ? codes.Items.Select(i => (i.Code, i.Name)).ToList()
            : field.Options.Select(o => (o.Value, o.Label)).ToList();
}
