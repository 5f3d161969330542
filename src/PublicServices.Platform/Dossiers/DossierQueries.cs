using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

/// <summary>An applicant's view of their dossiers: list, and one dossier with its status, open steps and timeline.</summary>
public sealed class DossierQueries(AppDbContext db, DefinitionRegistry definitions)
{
    public async Task<IReadOnlyList<DossierSummary>> MineAsync(string applicantId, CancellationToken cancellationToken) =>
        await Mine(db, applicantId).ToListAsync(cancellationToken);

    /// <summary>Read through the unique (applicant, idempotency key) index, then sorted: an applicant has a handful of
    /// dossiers, and an index of its own on (applicant, date) cost every submission one more random page written.</summary>
    internal static IQueryable<DossierSummary> Mine(AppDbContext db, string applicantId) =>
        from d in db.Dossiers.AsNoTracking()
        join i in db.Instances.AsNoTracking() on d.InstanceId equals i.Id
        where d.ApplicantId == applicantId
        orderby d.SubmittedAt descending
        select new DossierSummary(d.Code, d.ProcedureId, i.Status, i.Result, d.SubmittedAt, d.DueDate);

    /// <summary>The dossier if it is the applicant's own; null otherwise (callers answer 404, never 403 with data).</summary>
    public async Task<DossierDetail?> OwnAsync(string applicantId, string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code && d.ApplicantId == applicantId, cancellationToken);
        return dossier is null ? null : await DetailAsync(dossier, cancellationToken);
    }

    /// <summary>Any dossier by code, for officials: the caller has already checked that the official may see it.</summary>
    public async Task<DossierDetail?> ForOfficialAsync(string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        return dossier is null ? null : await DetailAsync(dossier, cancellationToken);
    }

    private async Task<DossierDetail> DetailAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var (code, applicantId) = (dossier.Code, dossier.ApplicantId);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == dossier.InstanceId, cancellationToken);
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var state = WorkflowStateJson.Deserialize(instance.StateJson);
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var open = state.Bookmarks.Select(b => new OpenStep(b.StepId, b.Kind, (definition.Flow.Steps[b.StepId].Title ?? definition.Title))).ToList();
        var timeline = journal.Where(j => j.Event is JournalEvents.Completed or JournalEvents.Ended or JournalEvents.Cancelled or JournalEvents.Edited)
            .Select(j => new TimelineEntry(j.At, j.StepId, definition.Flow.Steps.GetValueOrDefault(j.StepId)?.Title, j.Event, j.Outcome, j.Summary))
            .ToList();
        var messages = await db.Notifications.AsNoTracking().Where(n => n.DossierCode == code && n.RecipientId == applicantId && n.Channel == "in-app")
            .OrderBy(n => n.CreatedAt)
            .Select(n => new DossierMessage(n.CreatedAt, new LocalizedText(n.SubjectVi, n.SubjectEn), new LocalizedText(n.BodyVi, n.BodyEn)))
            .ToListAsync(cancellationToken);
        return new DossierDetail(dossier, instance.Status, instance.Result, definition.Title, open, timeline, messages,
            NextAction.From(definition, state.Bookmarks, instance.Status))
        {
            Variables = state.Variables,
            Highlights = DossierHighlight.From(definition, state.Variables),
            Payments = await db.Payments.AsNoTracking().Where(p => p.DossierCode == code).OrderBy(p => p.CreatedAt)
                .Select(p => new PaymentSummary(p.Reference, p.Provider, p.AmountVnd, p.Status, p.CreatedAt, p.CompletedAt)).ToListAsync(cancellationToken),
            Documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.DossierCode == code).OrderBy(d => d.IssuedAt)
                .Select(d => new DocumentSummary(d.Id, d.Title, d.Number, d.IssuedAt, d.Status, d.VerificationCode, d.Signed)).ToListAsync(cancellationToken),
        };
    }
}
