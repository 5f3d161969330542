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
/// This class checks what needs no database read (procedure, window, form, rules, due date); <see cref="SubmissionWriter"/>
/// checks the files and the <c>uniqueBy</c> key for its whole group at once and writes, many concurrent submissions per
/// transaction, each all-or-nothing.
/// </summary>
public sealed class DossierSubmission(
    AppDbContext db, DefinitionRegistry definitions, SubmissionWriter writer, FormValidator validator, DossierOrigins origins,
    IWorkingCalendar calendar, TimeProvider clock, ILogger<DossierSubmission> logger)
{
    /// <param name="parentDossierCode">For a procedure with <c>startsFrom:</c>: the applicant's dossier it starts from
    /// (checked here; its copied values go into the instance's variables under <c>source</c>).</param>
    public async Task<SubmissionResult> SubmitAsync(string applicantId, string procedureId, JsonObject data, string idempotencyKey,
        Declaration declaration, CancellationToken cancellationToken, string? parentDossierCode = null)
    {
        // Checks first; the earlier dossier of a repeated key is looked up only when a check refuses (a form that changed
        // since, a window closed since) — a new, valid application costs no read here: the writer finds repeated keys,
        // used files and taken unique keys for its whole group with one query each.
        async Task<SubmissionResult> Refuse(SubmissionResult refusal) =>
            await FindAsync(applicantId, idempotencyKey, cancellationToken) is { } earlier ? new SubmissionResult(earlier, true, [], false) : refusal;
        if (definitions.Latest(procedureId) is not { } definition
            || definition.Flow.Steps[definition.Flow.Start].Settings is not FormStepSettings firstForm)
            return await Refuse(SubmissionResult.NotFound);
        if (ProcedureRules.WindowRefusal(firstForm, clock.GetUtcNow()) is { } closed)
            return await Refuse(SubmissionResult.Refused("window", closed));
        var origin = await origins.CheckAsync(applicantId, definition, parentDossierCode, cancellationToken);
        if (!origin.Allowed)
            return await Refuse(new SubmissionResult(null, false, [], false) { Origin = origin });
        var form = definition.Forms[firstForm.Form];
        // Rules may read the procedure's settings and the values copied from the parent dossier ({ var: source.x }).
        var context = ProcedureRules.Context(definition);
        if (origin.Source is { } copied)
            context[StartsFrom.Variable] = copied.DeepClone();
        var validation = validator.Validate(form, form.Pages, data, checkRules: true, context);
        if (!validation.IsValid)
            return await Refuse(new SubmissionResult(null, false, validation.Errors, false));
        var uniqueKey = ProcedureRules.UniqueKey(definition, form.Id, validation.Values, context);

        var now = clock.GetUtcNow();
        return await writer.WriteAsync(
            new SubmissionDraft(definition, form, applicantId, idempotencyKey, validation.Values,
                AttachmentService.FileIds(form, validation.Values).Distinct().ToList(), declaration, now, DueDate(definition, now))
            {
                Source = origin.Source, ParentDossierCode = origin.Parent?.Code, UniqueKey = uniqueKey, RulesContext = context,
            },
            cancellationToken);
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
        var holder = await UniqueKeyHolder(db, definition.Id, key, except ?? "", cancellationToken);
        return holder is null
            ? null
            : SubmissionResult.Refused("duplicate", ProcedureRules.Duplicate(definition, context, holder.ApplicantId == applicantId ? holder.Code : null));
    }

    /// <summary>The live dossier holding a <c>uniqueBy</c> key, other than <c>except</c> ("" for none: codes are never
    /// empty). Compiled: it runs on every submission of such a procedure.</summary>
    private static readonly Func<AppDbContext, string, string, string, CancellationToken, Task<DossierRecord?>> UniqueKeyHolder =
        EF.CompileAsyncQuery((AppDbContext db, string procedureId, string key, string except, CancellationToken _) =>
            db.Dossiers.AsNoTracking().FirstOrDefault(d => d.ProcedureId == procedureId && d.UniqueKey == key && d.Code != except));

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
