using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// Drafts: one per applicant and procedure unless the procedure allows several; saved page by page; kept for
/// <c>Drafts:KeepDays</c> days (30 by default) after the last change, with a warning in the last <c>Drafts:WarnDays</c>
/// days (3 by default); expired drafts are invisible at once and deleted by <see cref="PurgeExpiredAsync"/>. Only the
/// owner ever sees a draft.
/// </summary>
public sealed class DraftService(AppDbContext db, TimeProvider clock, IConfiguration configuration)
{
    private TimeSpan Keep => TimeSpan.FromDays(configuration.GetValue("Drafts:KeepDays", 30));

    private TimeSpan Warn => TimeSpan.FromDays(configuration.GetValue("Drafts:WarnDays", 3));

    /// <summary>Whether the draft is in its last days and the applicant should be warned.</summary>
    public bool ExpiresSoon(DraftRecord draft) => draft.ExpiresAt - clock.GetUtcNow().UtcDateTime <= Warn;

    /// <summary>Deletes up to <paramref name="batch"/> expired drafts; returns how many (safe on several nodes at once).</summary>
    public async Task<int> PurgeExpiredAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Drafts.Where(d => d.ExpiresAt <= now).OrderBy(d => d.ExpiresAt).Select(d => d.Id).Take(batch).ToListAsync(cancellationToken);
        return await db.Drafts.Where(d => expired.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The applicant's open draft of the procedure, or a new one (prefilled from the account).</summary>
    /// <param name="parentDossierCode">The dossier a <c>startsFrom:</c> procedure is started from (already checked by the
    /// caller); the open draft reused is the one started from the same dossier.</param>
    public async Task<DraftRecord> StartAsync(string applicantId, WorkflowDefinition definition, JsonObject prefill, CancellationToken cancellationToken,
        string? parentDossierCode = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!definition.AllowsSeveralDrafts
            && await db.Drafts.Where(d => d.ApplicantId == applicantId && d.ProcedureId == definition.Id && d.ExpiresAt > now
                                          && d.ParentDossierCode == parentDossierCode)
                .OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(cancellationToken) is { } open)
            return open;
        var draft = new DraftRecord
        {
            Id = Guid.NewGuid(), ApplicantId = applicantId, ProcedureId = definition.Id, ProcedureVersion = definition.Version,
            DataJson = prefill.ToJsonString(), CreatedAt = now, UpdatedAt = now, ExpiresAt = now + Keep, ParentDossierCode = parentDossierCode,
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>The draft if it is the applicant's and still open; null otherwise.</summary>
    public Task<DraftRecord?> FindAsync(string applicantId, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Drafts.SingleOrDefaultAsync(d => d.Id == id && d.ApplicantId == applicantId && d.ExpiresAt > now, cancellationToken);
    }

    public async Task SaveAsync(DraftRecord draft, JsonObject values, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(draft.DataJson)!.AsObject();
        foreach (var (key, value) in values)
            data[key] = value?.DeepClone();
        draft.DataJson = data.ToJsonString();
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.ExpiresAt = draft.UpdatedAt + Keep;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DraftRecord>> MineAsync(string applicantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Drafts.AsNoTracking().Where(d => d.ApplicantId == applicantId && d.ExpiresAt > now)
            .OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
    }

    public async Task RemoveAsync(DraftRecord draft, CancellationToken cancellationToken)
    {
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
    }
}
