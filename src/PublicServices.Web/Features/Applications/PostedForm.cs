using System.Text.Json.Nodes;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Applications;

/// <summary>
/// Reads a plain HTML form post into the values the validator expects: strings as typed, multi-selects and files as
/// lists (new uploads are stored at once and added to the attachments kept from <paramref name="current"/>, or replace
/// them with <paramref name="uploadsReplace"/> and in a field of one file).
/// </summary>
public static class PostedForm
{
    public static async Task<(JsonObject Input, List<FieldError> Errors)> ReadAsync(
        IFormCollection form, IEnumerable<FieldDefinition> fields, JsonObject current, string? remove, bool uploadsReplace,
        AttachmentService attachments, string userId, CancellationToken ct)
    {
        var input = new JsonObject();
        var errors = new List<FieldError>();
        foreach (var field in fields)
        {
            var posted = form[field.Id];
            switch (field.Type)
            {
                case FieldType.File:
                    var kept = (current[field.Id] as JsonArray)?.Select(n => n!.ToString()).Where(v => v != remove).ToList() ?? [];
                    var uploads = form.Files.GetFiles(field.Id).Where(f => f.Length > 0).ToList();
                    // A field of one file takes the new upload instead of the one it had.
                    if ((uploadsReplace || field.File?.MaxCount == 1) && uploads.Count > 0)
                        kept.Clear();
                    foreach (var file in uploads)
                    {
                        await using var stream = file.OpenReadStream();
                        var (attachment, error) = await attachments.UploadAsync(userId, file.FileName, stream, ct);
                        if (attachment is not null)
                            kept.Add(attachment.Id.ToString());
                        else
                            errors.Add(new FieldError(field.Id, error!));
                    }
                    input[field.Id] = new JsonArray(kept.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray());
                    break;
                case FieldType.MultiSelect:
                    input[field.Id] = new JsonArray(posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                    break;
                case FieldType.Boolean:
                    input[field.Id] = posted.Contains("true") ? "true" : "false";
                    break;
                default:
                    input[field.Id] = posted.FirstOrDefault() ?? "";
                    break;
            }
        }
        return (input, errors);
    }
}
