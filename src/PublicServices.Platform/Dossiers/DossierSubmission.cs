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
/// This class checks (procedure, form, rules, files, due date); <see cref="SubmissionWriter"/> writes, many
/// concurrent submissions per transaction, each all-or-nothing.
/// </summary>
public sealed class DossierSubmission(
    AppDbContext db, DefinitionRegistry definitions, SubmissionWriter writer, FormValidator validator,
    AttachmentService attachments, IWorkingCalendar calendar, TimeProvider clock, ILogger<DossierSubmission> logger)
{
    public async Task<SubmissionResult> SubmitAsync(string applicantId, string procedureId, JsonObject data, string idempotencyKey,
        Declaration declaration, CancellationToken cancellationToken)
    {
        // Checks first; the earlier dossier of a repeated key is looked up only when a check refuses (a retry whose
        // files are already claimed, a form that changed since) — a new, valid application costs no read here, and
        // the writer finds repeated keys for its whole group with one query.
        async Task<SubmissionResult> Refuse(SubmissionResult refusal) =>
            await FindAsync(applicantId, idempotencyKey, cancellationToken) is { } earlier ? new SubmissionResult(earlier, true, [], false) : refusal;
        if (definitions.Latest(procedureId) is not { } definition
            || definition.Flow.Steps[definition.Flow.Start].Settings is not FormStepSettings firstForm)
            return await Refuse(SubmissionResult.NotFound);
        var form = definition.Forms[firstForm.Form];
        var validation = validator.Validate(form, form.Pages, data, checkRules: true);
        if (!validation.IsValid)
            return await Refuse(new SubmissionResult(null, false, validation.Errors, false));
        var fileErrors = await attachments.CheckAsync(applicantId, form, validation.Values, cancellationToken);
        if (fileErrors.Count > 0)
            return await Refuse(new SubmissionResult(null, false, fileErrors, false));

        var now = clock.GetUtcNow();
        var attachmentIds = form.Pages.SelectMany(p => p.Fields).Where(f => f.File is not null && validation.Values[f.Id] is JsonArray)
            .SelectMany(f => validation.Values[f.Id]!.AsArray().Select(n => Guid.Parse(n!.ToString())))
            .ToList();
        var (dossier, already) = await writer.WriteAsync(
            new SubmissionDraft(definition, applicantId, idempotencyKey, validation.Values, attachmentIds, declaration, now, DueDate(definition, now)),
            cancellationToken);
        return new SubmissionResult(dossier, already, [], false);
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

    private Task<DossierRecord?> FindAsync(string applicantId, string key, CancellationToken cancellationToken) =>
        FindAsync(db, applicantId, key, cancellationToken);

    /// <summary>The dossier an applicant's submission with this idempotency key made, if any (a compiled query: it runs
    /// on every submission).</summary>
    internal static Task<DossierRecord?> FindAsync(AppDbContext db, string applicantId, string key, CancellationToken cancellationToken) =>
        ByIdempotencyKey(db, applicantId, key, cancellationToken);

    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<DossierRecord?>> ByIdempotencyKey =
        EF.CompileAsyncQuery((AppDbContext db, string applicantId, string key, CancellationToken _) =>
            db.Dossiers.AsNoTracking().SingleOrDefault(d => d.ApplicantId == applicantId && d.IdempotencyKey == key));
}
