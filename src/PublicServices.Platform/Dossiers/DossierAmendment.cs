using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Calendar;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// The supplement loop from the applicant's side: what was asked, and the resubmission. Only the requested fields may
/// change; the whole form is validated again (cross-field rules included); the dossier's due date then moves as the
/// amend step says (keep, pause, restart). One transaction: nothing changes when anything is wrong.
/// </summary>
public sealed class DossierAmendment(
    AppDbContext db, DefinitionRegistry definitions, WorkflowEngine engine, FormValidator validator, AttachmentService attachments,
    IWorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>The open request on the applicant's own dossier, or null (none open, or not theirs).</summary>
    public async Task<AmendmentRequest?> FindAsync(string applicantId, string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken);
        if (dossier is null)
            return null;
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == dossier.InstanceId, cancellationToken);
        return Request(instance);
    }

    public async Task<AmendmentResult> ResubmitAsync(string applicantId, string code, JsonObject changes, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken);
        if (dossier is null)
            return AmendmentResult.NotFound;
        var instance = await db.Instances.SingleAsync(i => i.Id == dossier.InstanceId, cancellationToken);
        if (Request(instance) is not { } request)
            return AmendmentResult.NotRequested;

        var errors = changes.Select(c => c.Key).Where(id => request.Fields.All(f => f.Id != id))
            .Select(id => new FieldError(id, new LocalizedText("Trường này không nằm trong yêu cầu bổ sung.", "This field was not asked to change.")))
            .ToList();
        var state = WorkflowStateJson.Deserialize(instance.StateJson);
        var merged = (JsonObject?)state.Variables[request.Form.Id]?.DeepClone() ?? [];
        foreach (var field in request.Fields.Where(f => changes.ContainsKey(f.Id)))
            merged[field.Id] = changes[field.Id]?.DeepClone();
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var validation = validator.Validate(request.Form, request.Form.Pages, merged, checkRules: true, ProcedureRules.Context(definition, state.Variables));
        errors.AddRange(validation.Errors);
        if (errors.Count == 0)
            errors.AddRange(await attachments.CheckAsync(applicantId, request.Form, validation.Values, cancellationToken, dossier.Code));
        // A correction that changes the `uniqueBy` key is checked like a submission (the index refuses a race at save).
        var key = errors.Count == 0 ? ProcedureRules.UniqueKey(definition, request.Form.Id, validation.Values, ProcedureRules.Context(definition, state.Variables)) : dossier.UniqueKey;
        if (key is not null && key != dossier.UniqueKey
            && await DossierSubmission.DuplicateAsync(db, definition, key, applicantId, ProcedureRules.Context(definition, state.Variables), dossier.Code, cancellationToken) is { Refusal: { } taken })
            errors.Add(new FieldError("", taken));
        if (errors.Count > 0)
            return new AmendmentResult(false, false, errors, null);
        dossier.UniqueKey = key;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var waitingSince = await db.Bookmarks.AsNoTracking().Where(b => b.Id == request.BookmarkId).Select(b => b.CreatedAt).SingleAsync(cancellationToken);
        var resumed = engine.Resume(instance, new Stimulus(request.BookmarkId, BookmarkKinds.Form, "submitted", applicantId) { Payload = validation.Values });
        if (resumed.Refused)
            return new AmendmentResult(false, false, [new FieldError("", new LocalizedText(resumed.Refusal!.Message, resumed.Refusal.Message))], null);
        dossier.DueDate = MovedDueDate(dossier, instance, request.BookmarkId, state, waitingSince);
        var attachmentIds = request.Form.Pages.SelectMany(p => p.Fields).Where(f => f.File is not null && validation.Values[f.Id] is JsonArray)
            .SelectMany(f => validation.Values[f.Id]!.AsArray().Select(n => Guid.Parse(n!.ToString())))
            .ToList();
        await db.Attachments.Where(a => attachmentIds.Contains(a.Id) && a.DossierCode == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.DossierCode, dossier.Code), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AmendmentResult(true, false, [], dossier.DueDate);
    }

    private AmendmentRequest? Request(InstanceRecord instance)
    {
        if (instance.Status != nameof(InstanceStatus.Waiting))
            return null;
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var state = WorkflowStateJson.Deserialize(instance.StateJson);
        var wait = state.Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKinds.Form
            && definition.Flow.Steps[b.StepId].Settings is FormStepSettings { Mode: FormMode.Amend });
        if (wait is null)
            return null;
        var form = definition.Forms[((FormStepSettings)definition.Flow.Steps[wait.StepId].Settings).Form];
        var named = (wait.Data?["fields"] as JsonArray)?.Select(n => n?.ToString()).ToHashSet() ?? [];
        var fields = form.Pages.SelectMany(p => p.Fields).Where(f => named.Count == 0 || named.Contains(f.Id)).ToList();
        return new AmendmentRequest(wait.Id, form, wait.Data?["reason"]?.ToString(), fields);
    }

    private DateOnly? MovedDueDate(DossierRecord dossier, InstanceRecord instance, Guid bookmarkId, WorkflowState before, DateTime waitingSince)
    {
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var step = before.Bookmarks.Single(b => b.Id == bookmarkId).StepId;
        var settings = (FormStepSettings)definition.Flow.Steps[step].Settings;
        var today = DueDates.LocalDate(clock.GetUtcNow());
        return settings.DeadlineOnResubmit switch
        {
            DeadlineOnResubmit.Restart when definition.Deadline is { Unit: DurationUnit.WorkingDays } deadline =>
                calendar.AddWorkingDays(today, deadline.Amount),
            DeadlineOnResubmit.Pause when dossier.DueDate is { } due =>
                calendar.AddWorkingDays(due, calendar.WorkingDaysBetween(DueDates.LocalDate(new DateTimeOffset(waitingSince, TimeSpan.Zero)), today)),
            _ => dossier.DueDate,
        };
    }
}
