using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// Drafts: one per applicant and procedure unless the procedure allows several; saved page by page; kept for
/// <c>Drafts:KeepDays</c> days (30 by default) after the last change. Only the owner ever sees a draft.
/// </summary>
public sealed class DraftService(AppDbContext db, TimeProvider clock, IConfiguration configuration)
{
    private TimeSpan Keep => TimeSpan.FromDays(configuration.GetValue("Drafts:KeepDays", 30));

    /// <summary>The applicant's open draft of the procedure, or a new one (prefilled from the account).</summary>
    public async Task<DraftRecord> StartAsync(string applicantId, WorkflowDefinition definition, JsonObject prefill, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!definition.AllowsSeveralDrafts
            && await db.Drafts.Where(d => d.ApplicantId == applicantId && d.ProcedureId == definition.Id && d.ExpiresAt > now)
                .OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(cancellationToken) is { } open)
            return open;
        var draft = new DraftRecord
        {
            Id = Guid.NewGuid(), ApplicantId = applicantId, ProcedureId = definition.Id, ProcedureVersion = definition.Version,
            DataJson = prefill.ToJsonString(), CreatedAt = now, UpdatedAt = now, ExpiresAt = now + Keep,
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
