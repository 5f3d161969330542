using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// The writer's next group, staged while the group before it commits. A commit on SQLite is mostly waiting for the disk
/// (its log written and synced: ≈ 0.3 ms of a submission), and the staging — each instance started and its form answered
/// — is CPU work that needs no database: done during that wait on the thread pool, it leaves the writer's serial path.
/// <para>Codes stay reserved in the group's own transaction (that is what keeps them dense). The group is staged with
/// the codes it will get if every member is written and nobody else took codes of its series meanwhile — the numbers
/// following the ones the writer reserved last; the writer uses these rows only if the codes it then reserves are
/// exactly those, for exactly those members, and stages the group again otherwise (a refused member, a repeated key, a
/// new day, another node's submissions, a failed commit).</para>
/// </summary>
internal sealed class StagedAhead : IAsyncDisposable
{
    private readonly List<IServiceScope> scopes;
    private readonly Task staging;
    /// <summary>The members staged (indexes into the group, in order) and the codes they were staged with.</summary>
    private readonly int[] members;
    private readonly string[] codeOf;

    private StagedAhead(List<IServiceScope> scopes, Task staging, int[] members, string[] codeOf, DossierRecord[] dossiers, BulkRows[] bulks)
    {
        this.scopes = scopes;
        this.staging = staging;
        this.members = members;
        this.codeOf = codeOf;
        Dossiers = dossiers;
        Bulks = bulks;
    }

    public DossierRecord[] Dossiers { get; }

    /// <summary>The rows the engines collected untracked (journal lines, outbox messages, bookmarks other than tasks').</summary>
    public BulkRows[] Bulks { get; }

    /// <summary>The contexts holding the staged rows (all additions), for <see cref="BulkInsert"/>.</summary>
    public IReadOnlyList<AppDbContext> Contexts => scopes.Select(s => s.ServiceProvider.GetRequiredService<AppDbContext>()).ToList();

    /// <summary>
    /// Starts staging <paramref name="drafts"/> on the thread pool in parts (<see cref="SubmissionWriter.Parts"/>), each in a scope and
    /// context of its own; null when the codes cannot be foreseen (a series the writer has not reserved in yet).
    /// <paramref name="lastCodes"/>: the last code the writer reserved in each series.
    /// </summary>
    public static StagedAhead? Start(IServiceScopeFactory scopeFactory, DossierCodes codes, IReadOnlyList<SubmissionDraft> drafts,
        IReadOnlyDictionary<(string Prefix, string Day), string> lastCodes)
    {
        // Expected to be written: the first of each (applicant, idempotency key); the checks may say otherwise later.
        var members = Enumerable.Range(0, drafts.Count).DistinctBy(i => (drafts[i].ApplicantId, drafts[i].IdempotencyKey)).ToArray();
        var codeOf = new string[drafts.Count];
        foreach (var series in members.GroupBy(i => codes.Series(drafts[i].Definition.Agency, drafts[i].Now)))
        {
            if (!lastCodes.TryGetValue(series.Key, out var last))
                return null;
            var following = DossierCodes.Following(last, series.Count());
            foreach (var (i, code) in series.Zip(following))
                codeOf[i] = code;
        }
        var chunks = SubmissionWriter.Parts(members);
        var scopes = chunks.Select(_ => scopeFactory.CreateScope()).ToList();
        var dossiers = new DossierRecord[drafts.Count];
        var bulks = chunks.Select(_ => new BulkRows()).ToArray();
        var staging = Task.WhenAll(chunks.Select((chunk, k) => Task.Run(() =>
        {
            var db = scopes[k].ServiceProvider.GetRequiredService<AppDbContext>();
            var engine = scopes[k].ServiceProvider.GetRequiredService<WorkflowEngine>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            engine.Bulk = bulks[k];
            foreach (var i in chunk)
                dossiers[i] = SubmissionWriter.Stage(db, engine, drafts[i], codeOf[i]);
        })));
        return new StagedAhead(scopes, staging, members, codeOf, dossiers, bulks);
    }

    /// <summary>Whether the staged rows are exactly what the group's transaction would stage: the same members with the
    /// same codes, and staging succeeded (an engine's refusal is met again, and reported, when the group is staged anew).</summary>
    public async Task<bool> MatchesAsync(IReadOnlyList<int> writes, string[] reserved)
    {
        try
        {
            await staging;
        }
        catch (Exception)
        {
            return false;
        }
        return members.SequenceEqual(writes) && writes.All(i => codeOf[i] == reserved[i]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await staging; // its contexts are in use until it ends
        }
        catch (Exception)
        {
            // Staging failed: the group was staged again in its own transaction, where the error is reported.
        }
        foreach (var scope in scopes)
            scope.Dispose();
    }
}
