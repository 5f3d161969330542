using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// The checks of a submission that read the database — its files (the applicant's own, unused, of the field's kind and
/// size) and its <c>uniqueBy</c> key (no live dossier holds it) — made by the writer for its whole group, one query each,
/// inside the group's transaction. Made on each request's path they were two reads per submission, each opening a pooled
/// connection, preparing its statement and re-reading the pages the last commit changed: moved here, the portal's CPU a
/// submission fell by about a fifth (docs/performance.md). Inside the transaction they also see every earlier commit, so
/// no other writer can slip between the check and the write.
/// </summary>
internal static class SubmissionChecks
{
    /// <summary>
    /// The verdicts on <paramref name="members"/> (indexes into <paramref name="drafts"/>, in arrival order):
    /// <c>Refused</c> — a <c>uniqueBy</c> key a committed dossier holds; files not found, not the applicant's, already
    /// used or of the wrong kind — and <c>Twins</c>, members whose key an earlier member of the group that will be written
    /// has (member → that member). Only a member that will be written takes its key and files from the later ones.
    /// </summary>
    public static async Task<(Dictionary<int, SubmissionResult> Refused, Dictionary<int, int> Twins)> CheckAsync(
        AppDbContext db, IReadOnlyList<SubmissionDraft> drafts, IReadOnlyList<int> members)
    {
        var refused = new Dictionary<int, SubmissionResult>();
        var keyed = members.Where(i => drafts[i].UniqueKey is not null).ToList();
        if (keyed.Count > 0)
        {
            var procedures = keyed.Select(i => drafts[i].Definition.Id).Distinct().ToList();
            var keys = keyed.Select(i => drafts[i].UniqueKey!).Distinct().ToList();
            var holders = (await Holders(db, procedures, keys).ToListAsync()).ToDictionary(d => (d.ProcedureId, d.UniqueKey!));
            foreach (var i in keyed)
                if (holders.TryGetValue((drafts[i].Definition.Id, drafts[i].UniqueKey!), out var holder))
                    refused[i] = Duplicate(drafts[i], holder.ApplicantId == drafts[i].ApplicantId ? holder.Code : null);
        }

        var fileIds = members.Where(i => !refused.ContainsKey(i))
            .SelectMany(i => drafts[i].AttachmentIds).Where(id => id != Guid.Empty).Distinct().ToList();
        var files = fileIds.Count == 0 ? [] : await Files(db, fileIds).ToDictionaryAsync(a => a.Id);
        var twins = new Dictionary<int, int>();
        var keyHolder = new Dictionary<(string, string), int>();
        foreach (var i in members.Where(i => !refused.ContainsKey(i)))
        {
            var draft = drafts[i];
            if (draft.UniqueKey is { } key && keyHolder.TryGetValue((draft.Definition.Id, key), out var first))
            {
                twins[i] = first;
                continue;
            }
            var errors = AttachmentService.Check(draft.ApplicantId, draft.Form, draft.Values, files);
            if (errors.Count > 0)
            {
                refused[i] = new SubmissionResult(null, false, errors, false);
                continue;
            }
            // This member will be written: its key and files are taken for the later members of the group. (The file
            // records are this query's own copies, read without tracking.)
            if (draft.UniqueKey is { } taken)
                keyHolder[(draft.Definition.Id, taken)] = i;
            foreach (var id in draft.AttachmentIds)
                files[id].DossierCode = "(taken in this group)";
        }
        return (refused, twins);
    }

    /// <summary>The files with these keys (by primary key).</summary>
    internal static IQueryable<AttachmentRecord> Files(AppDbContext db, List<Guid> ids) =>
        db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id));

    /// <summary>The dossiers holding any of these keys in any of these procedures (through the unique index).</summary>
    internal static IQueryable<DossierRecord> Holders(AppDbContext db, List<string> procedures, List<string> keys) =>
        db.Dossiers.AsNoTracking().Where(d => procedures.Contains(d.ProcedureId) && keys.Contains(d.UniqueKey!));

    /// <summary>The refusal of a second live dossier with the draft's key (<paramref name="ownCode"/>: the holder's code
    /// when it is the same applicant's, else null).</summary>
    public static SubmissionResult Duplicate(SubmissionDraft draft, string? ownCode) =>
        SubmissionResult.Refused("duplicate", ProcedureRules.Duplicate(draft.Definition, draft.RulesContext ?? [], ownCode));
}
