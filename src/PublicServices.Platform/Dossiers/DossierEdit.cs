using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

/// <summary>Whether the applicant may change the submitted start form now, the form, its current data, and why not.</summary>
public sealed record EditPermission(bool Allowed, LocalizedText? Refusal, FormDefinition Form, JsonObject Values, DateTimeOffset? Closes);

/// <summary>What an edit did: accepted; refused as a whole (<see cref="Refusal"/>, nothing changed); or errors per field.</summary>
public sealed record EditResult(bool Accepted, bool DossierNotFound, IReadOnlyList<FieldError> Errors, LocalizedText? Refusal)
{
    public static EditResult NotFound { get; } = new(false, true, [], null);

    public static EditResult Refused(LocalizedText why) => new(false, false, [new FieldError("", why)], why);
}

/// <summary>
/// The applicant changes the submitted start form (its <c>edits:</c>): until the form's <c>closes</c>, and only while the
/// instance waits at one of <c>edits.while</c>. The new data is checked exactly like a submission (every rule, uploads owned
/// by the applicant, the <c>uniqueBy</c> key); a valid edit replaces the form's variables, cancels the current waits (tasks
/// leave officials' queues, claimed or not) and continues from <c>edits.restart</c>, journaled, in one transaction with the
/// instance's revision check: an official's decision saved meanwhile wins and the edit is refused (and the other way round).
/// </summary>
public sealed class DossierEdit(AppDbContext db, DefinitionRegistry definitions, WorkflowEngine engine, FormValidator validator,
    AttachmentService attachments, TimeProvider clock)
{
    public const string JournalSummary = "Người nộp sửa thông tin đăng ký / Edited by the applicant";

    /// <summary>The applicant's own dossier's edit permission, or null when the dossier is not theirs (or does not exist).</summary>
    public async Task<EditPermission?> FindAsync(string applicantId, string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken);
        if (dossier is null)
            return null;
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == dossier.InstanceId, cancellationToken);
        return Permission(instance);
    }

    /// <summary>Whether the procedure offers edits at all (the dossier page shows nothing when it does not).</summary>
    public bool Offers(string procedureId, int version) =>
        definitions.Find(procedureId, version) is { } definition && ProcedureRules.StartForm(definition) is { Edits: not null };

    public async Task<EditResult> EditAsync(string applicantId, string code, JsonObject data, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken);
        if (dossier is null)
            return EditResult.NotFound;
        var instance = await db.Instances.SingleAsync(i => i.Id == dossier.InstanceId, cancellationToken);
        var permission = Permission(instance);
        if (!permission.Allowed)
            return EditResult.Refused(permission.Refusal!);

        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var start = ProcedureRules.StartForm(definition)!;
        var state = WorkflowStateJson.Deserialize(instance.StateJson);
        var context = ProcedureRules.Context(definition, state.Variables);
        var form = permission.Form;
        var validation = validator.Validate(form, form.Pages, data, checkRules: true, context);
        if (!validation.IsValid)
            return new EditResult(false, false, validation.Errors, null);
        var fileErrors = await attachments.CheckAsync(applicantId, form, validation.Values, cancellationToken, dossier.Code);
        if (fileErrors.Count > 0)
            return new EditResult(false, false, fileErrors, null);
        var key = ProcedureRules.UniqueKey(definition, form.Id, validation.Values, context);
        if (key is not null && key != dossier.UniqueKey
            && await DossierSubmission.DuplicateAsync(db, definition, key, applicantId, context, dossier.Code, cancellationToken) is { Refusal: { } taken })
            return EditResult.Refused(taken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var restarted = engine.Restart(instance, start.Edits!.While, start.Edits.Restart, new JsonObject { [form.Id] = validation.Values.DeepClone() },
            applicantId, JournalSummary);
        if (restarted.Refused)
            return EditResult.Refused(new LocalizedText(restarted.Refusal!.Message, restarted.Refusal.Message));
        dossier.UniqueKey = key;
        var attachmentIds = form.Pages.SelectMany(p => p.Fields).Where(f => f.File is not null && validation.Values[f.Id] is JsonArray)
            .SelectMany(f => validation.Values[f.Id]!.AsArray().Select(n => Guid.Parse(n!.ToString())))
            .ToList();
        await db.Attachments.Where(a => attachmentIds.Contains(a.Id) && a.DossierCode == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.DossierCode, dossier.Code), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new EditResult(true, false, [], null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return EditResult.Refused(new LocalizedText(
                "Hồ sơ vừa được xử lý trong lúc bạn sửa; không có gì thay đổi. Vui lòng mở lại hồ sơ.",
                "The dossier was processed while you were editing; nothing was changed. Open the dossier again."));
        }
        catch (DbUpdateException) when (key is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await DossierSubmission.DuplicateAsync(db, definition, key, applicantId, context, code, cancellationToken) is { Refusal: { } raced })
                return EditResult.Refused(raced);
            throw;
        }
    }

    private EditPermission Permission(InstanceRecord instance)
    {
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var start = ProcedureRules.StartForm(definition);
        var state = WorkflowStateJson.Deserialize(instance.StateJson);
        var form = definition.Forms[start?.Form ?? definition.Forms.Keys.First()];
        var values = (JsonObject?)state.Variables[form.Id]?.DeepClone() ?? [];
        EditPermission No(LocalizedText why) => new(false, why, form, values, start?.Closes);
        if (start?.Edits is not { } edits)
            return No(new LocalizedText("Thủ tục này không cho sửa hồ sơ sau khi nộp.", "This procedure does not allow changes after submission."));
        if (start.Closes is { } closes && clock.GetUtcNow() >= closes)
            return No(new LocalizedText(
                $"Đã hết hạn sửa đăng ký (đóng lúc {ProcedureRules.Local(closes)}); liên hệ trường hoặc đơn vị tiếp nhận để được điều chỉnh.",
                $"Changes closed at {ProcedureRules.Local(closes)} (Vietnam time); ask your school or the receiving office to return it for correction."));
        if (instance.Status != nameof(InstanceStatus.Waiting) || !state.Bookmarks.Any(b => edits.While.Contains(b.StepId)))
            return No(new LocalizedText(
                "Hồ sơ không còn ở bước được tự sửa; liên hệ trường hoặc đơn vị đang xử lý để được trả lại điều chỉnh.",
                "The dossier is past the steps at which you may change it; ask your school or the office handling it to return it for correction."));
        return new EditPermission(true, null, form, values, start.Closes);
    }
}
