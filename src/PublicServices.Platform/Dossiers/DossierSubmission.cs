using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
/// Turns a complete, valid application into a dossier, in one transaction: the dossier code, the procedure's instance
/// started and its first form answered. Invalid data changes nothing; the same idempotency key twice (double click,
/// retry after a timeout) returns the first dossier instead of making a second.
/// </summary>
public sealed class DossierSubmission(
    AppDbContext db, DefinitionRegistry definitions, WorkflowEngine engine, FormValidator validator, DossierCodes codes,
    AttachmentService attachments, DossierOrigins origins, IWorkingCalendar calendar, TimeProvider clock, ILogger<DossierSubmission> logger)
{
    /// <param name="parentDossierCode">For a procedure with <c>startsFrom:</c>: the applicant's dossier it starts from
    /// (checked here; its copied values go into the instance's variables under <c>source</c>).</param>
    public async Task<SubmissionResult> SubmitAsync(string applicantId, string procedureId, JsonObject data, string idempotencyKey,
        Declaration declaration, CancellationToken cancellationToken, string? parentDossierCode = null)
    {
        if (await FindAsync(applicantId, idempotencyKey, cancellationToken) is { } earlier)
            return new SubmissionResult(earlier, true, [], false);
        if (definitions.Latest(procedureId) is not { } definition
            || definition.Flow.Steps[definition.Flow.Start].Settings is not FormStepSettings firstForm)
            return SubmissionResult.NotFound;
        if (ProcedureRules.WindowRefusal(firstForm, clock.GetUtcNow()) is { } closed)
            return SubmissionResult.Refused("window", closed);
        var origin = await origins.CheckAsync(applicantId, definition, parentDossierCode, cancellationToken);
        if (!origin.Allowed)
            return new SubmissionResult(null, false, [], false) { Origin = origin };
        var form = definition.Forms[firstForm.Form];
        // Rules may read the procedure's settings and the values copied from the parent dossier ({ var: source.x }).
        var context = ProcedureRules.Context(definition);
        if (origin.Source is { } copied)
            context[StartsFrom.Variable] = copied.DeepClone();
        var validation = validator.Validate(form, form.Pages, data, checkRules: true, context);
        if (!validation.IsValid)
            return new SubmissionResult(null, false, validation.Errors, false);
        var fileErrors = await attachments.CheckAsync(applicantId, form, validation.Values, cancellationToken);
        if (fileErrors.Count > 0)
            return new SubmissionResult(null, false, fileErrors, false);
        var uniqueKey = ProcedureRules.UniqueKey(definition, form.Id, validation.Values, context);
        if (uniqueKey is not null && await DuplicateAsync(definition, uniqueKey, applicantId, context, cancellationToken) is { } duplicate)
            return duplicate;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var code = await codes.NextAsync(db, definition.Agency, now, cancellationToken);
        var input = new JsonObject { ["dossier"] = new JsonObject { ["code"] = code } };
        if (origin.Source is { } source)
            input[StartsFrom.Variable] = source;
        var started = engine.Start(definition.Id, input, applicantId);
        var formWait = started.Run!.Opened.Single(b => b.Kind == BookmarkKinds.Form);
        var submitted = engine.Resume(started.Instance!, new Stimulus(formWait.Id, BookmarkKinds.Form, "submitted", applicantId) { Payload = validation.Values });
        if (submitted.Refused)
            throw new InvalidOperationException(submitted.Refusal!.Message);
        var dossier = new DossierRecord
        {
            Code = code, ProcedureId = definition.Id, ProcedureVersion = definition.Version, ApplicantId = applicantId,
            InstanceId = started.Instance!.Id, AgencyCode = definition.Agency, IdempotencyKey = idempotencyKey,
            SubmittedAt = now.UtcDateTime, DueDate = DueDate(definition, now),
            DeclarationVersion = declaration.Version, DeclaredAt = now.UtcDateTime, ParentDossierCode = origin.Parent?.Code,
            UniqueKey = uniqueKey,
        };
        db.Dossiers.Add(dossier);
        var attachmentIds = form.Pages.SelectMany(p => p.Fields).Where(f => f.File is not null && validation.Values[f.Id] is JsonArray)
            .SelectMany(f => validation.Values[f.Id]!.AsArray().Select(n => Guid.Parse(n!.ToString())))
            .ToList();
        await db.Attachments.Where(a => attachmentIds.Contains(a.Id) && a.DossierCode == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.DossierCode, code), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SubmissionResult(dossier, false, [], false);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (await ConcurrentTwinAsync(applicantId, idempotencyKey, cancellationToken) is { } twin)
                return new SubmissionResult(twin, true, [], false);
            // A parallel submission with the same key committed first: the unique index refused ours.
            if (uniqueKey is not null && await DuplicateAsync(definition, uniqueKey, applicantId, context, cancellationToken) is { } raced)
                return raced;
            throw;
        }
    }

    private DateOnly? DueDate(WorkflowDefinition definition, DateTimeOffset now)
    {
        if (definition.Deadline is not { Unit: DurationUnit.WorkingDays } deadline)
            return null;
        try
        {
            return calendar.AddWorkingDays(DueDates.LocalDate(now), deadline.Amount);
        }
        catch (CalendarYearMissingException missing)
        {
            // A citizen's submission is never refused for want of next year's holiday list: the dossier is received
            // without a legal due date, and operators are told to add workflows/calendar/vn-holidays-{year}.json.
            logger.LogError("No holiday data for {Year}: a {Procedure} dossier is received without a due date", missing.Year, definition.Id);
            return null;
        }
    }

    /// <summary>The refusal when a live dossier of the procedure already holds the key (its code is named to its own applicant only).</summary>
    internal static async Task<SubmissionResult?> DuplicateAsync(AppDbContext db, WorkflowDefinition definition, string key, string applicantId,
        JsonObject context, string? except, CancellationToken cancellationToken)
    {
        var holder = await db.Dossiers.AsNoTracking().Where(d => d.ProcedureId == definition.Id && d.UniqueKey == key && d.Code != except)
            .Select(d => new { d.Code, d.ApplicantId }).FirstOrDefaultAsync(cancellationToken);
        return holder is null
            ? null
            : SubmissionResult.Refused("duplicate", ProcedureRules.Duplicate(definition, context, holder.ApplicantId == applicantId ? holder.Code : null));
    }

    private Task<SubmissionResult?> DuplicateAsync(WorkflowDefinition definition, string key, string applicantId, JsonObject context, CancellationToken cancellationToken) =>
        DuplicateAsync(db, definition, key, applicantId, context, null, cancellationToken);

    private Task<DossierRecord?> FindAsync(string applicantId, string key, CancellationToken cancellationToken) =>
        db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.ApplicantId == applicantId && d.IdempotencyKey == key, cancellationToken);

    /// <summary>The same submission committed by a parallel request: ours rolled back, theirs is the dossier.</summary>
    private async Task<DossierRecord?> ConcurrentTwinAsync(string applicantId, string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await FindAsync(applicantId, key, cancellationToken);
    }
}
