using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Storage;

/// <summary>
/// Receiving uploads safely: a size limit while reading, the content identified by its signature (a renamed file is
/// refused), stored under an unguessable key; and, at submission, each file checked against its field's rules.
/// </summary>
public sealed class AttachmentService(AppDbContext db, IFileStorage storage, TimeProvider clock)
{
    /// <summary>Hard cap for any upload, whatever a field allows.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public async Task<(AttachmentRecord? Attachment, LocalizedText? Error)> UploadAsync(string ownerId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
                return (null, new LocalizedText($"Tệp lớn hơn {MaxUploadBytes / 1024 / 1024} MB.", $"The file is larger than {MaxUploadBytes / 1024 / 1024} MB."));
            buffer.Write(chunk, 0, read);
        }
        var inspection = UploadInspector.Inspect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (inspection.Kind == UploadKind.Unknown)
            return (null, new LocalizedText("Chỉ nhận tệp PDF, JPG hoặc PNG (kiểm tra theo nội dung tệp).", "Only PDF, JPG or PNG files are accepted (checked by content)."));
        buffer.Position = 0;
        var key = await storage.SaveAsync(buffer, inspection.Extension, cancellationToken);
        var attachment = new AttachmentRecord
        {
            Id = Guid.NewGuid(), OwnerId = ownerId, FileName = SafeName(fileName, inspection.Extension), ContentType = inspection.ContentType,
            Size = buffer.Length, Width = inspection.Width, Height = inspection.Height, StorageKey = key, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return (attachment, null);
    }

    /// <summary>Checks the attachments named by file fields: the applicant's own, not yet used (or already part of
    /// <paramref name="dossierCode"/>, when amending it), of an allowed kind, size and pixel size.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(string ownerId, FormDefinition form, JsonObject values,
        CancellationToken cancellationToken, string? dossierCode = null)
    {
        var files = new Dictionary<Guid, AttachmentRecord>();
        foreach (var id in FileIds(form, values).Distinct())
            if (await ById(db, id, cancellationToken) is { } attachment)
                files[id] = attachment;
        return Check(ownerId, form, values, files, dossierCode);
    }

    /// <summary>The files named by the form's file fields (<see cref="Guid.Empty"/> for a value that is not a file key:
    /// no file has it, so it is reported as not found).</summary>
    public static IEnumerable<Guid> FileIds(FormDefinition form, JsonObject values) =>
        FileFields(form, values).SelectMany(field => Ids(values, field));

    /// <summary>The same checks as <see cref="CheckAsync"/> against files already read (by key; a key missing from
    /// <paramref name="files"/> does not exist) — for the submissions' writer, which reads a whole group's files at once.</summary>
    public static IReadOnlyList<FieldError> Check(string ownerId, FormDefinition form, JsonObject values,
        IReadOnlyDictionary<Guid, AttachmentRecord> files, string? dossierCode = null)
    {
        var errors = new List<FieldError>();
        foreach (var field in FileFields(form, values))
        {
            var ids = Ids(values, field);
            var found = ids.Distinct().Select(id => files.GetValueOrDefault(id))
                .Where(a => a is not null && a.OwnerId == ownerId && (a.DossierCode is null || a.DossierCode == dossierCode)).ToList();
            var file = field.File!;
            if (found.Count != ids.Count)
                errors.Add(new FieldError(field.Id, new LocalizedText("Không tìm thấy tệp đã tải lên; vui lòng tải lại.", "An uploaded file was not found; upload it again.")));
            else if (found.Any(a => !file.Accept.Contains(Extension(a!.ContentType))))
                errors.Add(new FieldError(field.Id, new LocalizedText($"Chỉ nhận: {string.Join(", ", file.Accept)}.", $"Accepted: {string.Join(", ", file.Accept)}.")));
            else if (found.Any(a => a!.Size > file.MaxBytes))
                errors.Add(new FieldError(field.Id, new LocalizedText($"Mỗi tệp tối đa {file.MaxBytes / 1024 / 1024} MB.", $"Each file may be at most {file.MaxBytes / 1024 / 1024} MB.")));
            else if (file.MinWidth is { } w && file.MinHeight is { } h && found.Any(a => a!.Width < w || a.Height < h || a.Width is null))
                errors.Add(new FieldError(field.Id, new LocalizedText($"Ảnh cần ít nhất {w}×{h} điểm ảnh.", $"The picture must be at least {w}×{h} pixels.")));
        }
        return errors;
    }

    private static IEnumerable<FieldDefinition> FileFields(FormDefinition form, JsonObject values) =>
        form.Pages.SelectMany(p => p.Fields).Where(f => f.File is not null && values[f.Id] is JsonArray);

    private static List<Guid> Ids(JsonObject values, FieldDefinition field) =>
        values[field.Id]!.AsArray().Select(n => Guid.TryParse(n?.ToString(), out var id) ? id : Guid.Empty).ToList();

    /// <summary>One file by its key, as a compiled query (form pages, edits and amendments check a few files at a time;
    /// submissions are checked a whole group at once by the writer, <c>SubmissionChecks</c>).</summary>
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<AttachmentRecord?>> ById =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken _) => db.Attachments.AsNoTracking().SingleOrDefault(a => a.Id == id));

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        _ => "png",
    };

    /// <summary>Keeps a display name that cannot smuggle a path or control characters; the extension follows the content.</summary>
    private static string SafeName(string fileName, string extension)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var clean = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        return (clean.Length == 0 ? "tep" : clean[..Math.Min(clean.Length, 150)]) + "." + extension;
    }
}
