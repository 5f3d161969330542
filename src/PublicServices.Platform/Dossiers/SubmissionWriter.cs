using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

/// <summary>An application whose form is valid, ready to be written: the writer checks what needs the database (its files
/// and <c>uniqueBy</c> key, <see cref="SubmissionChecks"/>) and reserves its dossier code. <c>AttachmentIds</c>: the files
/// the form names, each once (<see cref="Guid.Empty"/> for a value that is no file key), listed on the request's path so
/// the writer's serial part does not walk the form's fields again for them.</summary>
public sealed record SubmissionDraft(
    WorkflowDefinition Definition, FormDefinition Form, string ApplicantId, string IdempotencyKey, JsonObject Values,
    IReadOnlyList<Guid> AttachmentIds, Declaration Declaration, DateTimeOffset Now, DateOnly? DueDate)
{
    /// <summary>Values copied from the parent dossier (<c>startsFrom</c>), put into the instance's variables under <c>source</c>.</summary>
    public JsonObject? Source { get; init; }
    public string? ParentDossierCode { get; init; }
    /// <summary>The procedure's <c>uniqueBy</c> key (unique index): a twin committed meanwhile is refused as a duplicate.</summary>
    public string? UniqueKey { get; init; }
    /// <summary>The rules' context (settings, source), for the duplicate refusal's message.</summary>
    public JsonObject? RulesContext { get; init; }
}

/// <summary>
/// The transactional half of a submission, with group commit: requests hand their checked application to one writer,
/// which takes whatever is waiting (up to <see cref="MaxBatch"/>) and writes it in one transaction — the group's files
/// and unique keys checked with one query each, one code reservation per code series, each application's instance
/// started and its form answered, its dossier, its attachments claimed — then answers every request. A commit (and on
/// SQLite the single write lock) is paid once per group instead of once per submission, and concurrent submissions no
/// longer queue on the database's lock. While a group commits, the next one is taken and staged (<see cref="StagedAhead"/>).
/// With <see cref="SubmissionOptions.GroupInterval"/> set, groups are taken at most that often (unless a full group waits),
/// so that under load they stay large enough to share those fixed costs.
/// <para>A repeated idempotency key (double click, retry after a timeout) is answered with the dossier it made before,
/// found for the whole group with one query, or with the dossier of its twin in the same group; the unique index on
/// (applicant, key) stays the last word for submissions racing on several nodes.</para>
/// <para>Each application is all-or-nothing: when a group fails (e.g. a doubled idempotency key, a constraint), it is
/// rolled back whole and every member is written again alone, so one bad application cannot lose or double-write the
/// others. A request that stops waiting (client gone) does not withdraw its application: it is committed, and a retry
/// with the same idempotency key finds it.</para>
/// </summary>
public sealed class SubmissionWriter : IAsyncDisposable
{
    /// <summary>Applications written together at most (a group's transaction stays short).</summary>
    public const int MaxBatch = 128;

    /// <summary>Staging a group in parallel parts pays from this many applications a part (a scope and context each).</summary>
    private const int MinPart = 8;

    /// <summary>Parts a large group is staged in: one per core, at most four.</summary>
    private static readonly int StagingParts = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly DossierCodes codes;
    private readonly WriterTurns turns;
    private readonly ILogger<SubmissionWriter> logger;
    private readonly SubmissionOptions options;
    private readonly Task loop;
    /// <summary>On SQLite with durable commits: groups commit without waiting for the disk and are answered after the
    /// log's next sync (<see cref="SqliteLogSyncer"/>), while the next group is written.</summary>
    private readonly SqliteLogSyncer? logSyncer;

    public SubmissionWriter(IServiceScopeFactory scopes, DossierCodes codes, WriterTurns turns, SubmissionOptions options,
        ILogger<SubmissionWriter> logger, SqliteLogSyncer? logSyncer = null)
    {
        this.scopes = scopes;
        this.options = options;
        this.logSyncer = logSyncer;
        this.codes = codes;
        this.turns = turns;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Applications waiting for the next group (the writer's queue; a long queue means the writer is the limit).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    private int waiting;

    /// <summary>Groups written with the rows staged during the previous group's commit (<see cref="StagedAhead"/>): with
    /// the groups' count in the trace log, how often the codes were foreseen right.</summary>
    public long GroupsStagedAhead => Interlocked.Read(ref groupsStagedAhead);

    private long groupsStagedAhead;

    /// <summary>Groups written (a group failed and written again one by one counts once, and once for each of its members).</summary>
    public long GroupsWritten => Interlocked.Read(ref groupsWritten);

    private long groupsWritten;

    /// <summary>Writes the application; returns its dossier, or the one an identical earlier submission (same applicant
    /// and idempotency key) made, with <c>AlreadySubmitted</c>, or the duplicate refusal when another dossier took its
    /// <c>uniqueBy</c> key meanwhile.</summary>
    public async Task<SubmissionResult> WriteAsync(SubmissionDraft draft, CancellationToken cancellationToken)
    {
        var pending = new Pending(draft);
        Interlocked.Increment(ref waiting);
        if (!queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref waiting);
            throw new ObjectDisposedException(nameof(SubmissionWriter));
        }
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            List<Pending> batch;
            StagedAhead? staged = null;
            if (next is { } ahead)
            {
                (batch, staged, next) = (ahead.Group, ahead.Staged, null);
            }
            else
            {
                if (!await queue.Reader.WaitToReadAsync())
                    break;
                await PaceAsync();
                batch = TakeWaiting();
            }
            try
            {
                await WriteGroupAsync(batch, staged, takeNext: true);
            }
            catch (Exception groupError) when (batch.Count > 1)
            {
                logger.LogWarning(groupError, "A group of {Count} submissions failed; writing them one by one", batch.Count);
                foreach (var single in batch)
                    await WriteAloneAsync(single);
            }
            catch (Exception error)
            {
                await FailAsync(batch[0], error);
            }
            finally
            {
                if (staged is not null)
                    await staged.DisposeAsync();
            }
        }
    }

    /// <summary>When the last group was taken (<see cref="SubmissionOptions.PacingClock"/>'s timestamp; null before the first).</summary>
    private long? lastTaken;

    /// <summary>Whether the next group may be taken now: <see cref="SubmissionOptions.GroupInterval"/> has passed since the
    /// last one, or a full group waits.</summary>
    private bool NextGroupDue =>
        lastTaken is not { } taken || Waiting >= MaxBatch || options.PacingClock.GetElapsedTime(taken) >= options.GroupInterval;

    /// <summary>Waits until the next group is due (<see cref="SubmissionOptions.GroupInterval"/>): meanwhile more applications
    /// join it.</summary>
    private Task PaceAsync() =>
        NextGroupDue ? Task.CompletedTask : Task.Delay(options.GroupInterval - options.PacingClock.GetElapsedTime(lastTaken!.Value), options.PacingClock);

    private List<Pending> TakeWaiting()
    {
        var batch = new List<Pending>(MaxBatch);
        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
        {
            Interlocked.Decrement(ref waiting);
            batch.Add(pending);
        }
        if (batch.Count > 0)
            lastTaken = options.PacingClock.GetTimestamp();
        return batch;
    }

    /// <summary>The next group, taken when the current one starts its commit and staged during it (<see cref="StagedAhead"/>).
    /// Held here, not in a local, so that a failed commit does not lose it.</summary>
    private (List<Pending> Group, StagedAhead? Staged)? next;

    /// <summary>The last code the writer reserved in each series (only the writer's loop touches it).</summary>
    private readonly Dictionary<(string Prefix, string Day), string> lastCodes = [];

    private void TakeNext()
    {
        var batch = TakeWaiting();
        if (batch.Count == 0)
            return;
        next = (batch, StagedAhead.Start(scopes, codes, batch.Select(p => p.Draft).ToList(), lastCodes));
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            await WriteGroupAsync([pending], null, takeNext: false);
        }
        catch (Exception error)
        {
            await FailAsync(pending, error);
        }
    }

    /// <summary>A lone application that failed: the same key committed by a parallel request (or node) is its dossier.</summary>
    private async Task FailAsync(Pending pending, Exception error)
    {
        // SaveChanges wraps a constraint violation in DbUpdateException; BulkInsert's multi-row INSERT raises the provider's DbException.
        if (error is DbUpdateException or System.Data.Common.DbException)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var draft = pending.Draft;
                if (await DossierSubmission.FindAsync(db, draft.ApplicantId, draft.IdempotencyKey, CancellationToken.None) is { } twin)
                {
                    pending.Done.TrySetResult(new SubmissionResult(twin, true, [], false));
                    return;
                }
                // A parallel submission with the same uniqueBy key committed first: the unique index refused ours.
                if (draft.UniqueKey is not null && await DossierSubmission.DuplicateAsync(db, draft.Definition, draft.UniqueKey, draft.ApplicantId,
                        draft.RulesContext ?? [], null, CancellationToken.None) is { } duplicate)
                {
                    pending.Done.TrySetResult(duplicate);
                    return;
                }
            }
            catch (Exception lookup)
            {
                logger.LogError(lookup, "Looking up a concurrent twin failed");
            }
        }
        pending.Done.TrySetException(error);
    }

    private async Task WriteGroupAsync(IReadOnlyList<Pending> group, StagedAhead? staged, bool takeNext)
    {
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref groupsWritten);
        using var turn = await turns.TakeAsync();
        var turnTaken = Stopwatch.GetTimestamp();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        // The engine adds and removes rows explicitly; without automatic change detection each DbSet.Local look-up of a
        // group does not rescan every tracked row (quadratic in the group's size). One scan before writing suffices.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.RelaxedDurability = logSyncer is not null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var begun = Stopwatch.GetTimestamp();
        // Repeated idempotency keys: committed before (one query for the group), or twice within the group.
        var applicants = group.Select(p => p.Draft.ApplicantId).Distinct().ToList();
        var keys = group.Select(p => p.Draft.IdempotencyKey).Distinct().ToList();
        var earlier = (await db.Dossiers.AsNoTracking().Where(d => applicants.Contains(d.ApplicantId) && keys.Contains(d.IdempotencyKey)).ToListAsync())
            .ToDictionary(d => (d.ApplicantId, d.IdempotencyKey));
        var firstOf = new Dictionary<(string, string), int>();
        var writes = new List<int>(group.Count);
        for (var i = 0; i < group.Count; i++)
            if (!earlier.ContainsKey((group[i].Draft.ApplicantId, group[i].Draft.IdempotencyKey))
                && firstOf.TryAdd((group[i].Draft.ApplicantId, group[i].Draft.IdempotencyKey), i))
                writes.Add(i);
        // Files and uniqueBy keys, for the whole group; the refused (and later twins of a key) are answered, not written.
        var drafts = group.Select(p => p.Draft).ToList();
        var checking = Stopwatch.GetTimestamp();
        var (refused, twins) = await SubmissionChecks.CheckAsync(db, drafts, writes);
        var checkedAt = Stopwatch.GetTimestamp();
        writes.RemoveAll(i => refused.ContainsKey(i) || twins.ContainsKey(i));
        var codeOf = new string[group.Count];
        foreach (var series in writes
                     .GroupBy(i => codes.Series(group[i].Draft.Definition.Agency, group[i].Draft.Now)))
        {
            var members = series.ToList();
            var reserved = await codes.ReserveAsync(db, group[members[0]].Draft.Definition.Agency, group[members[0]].Draft.Now, members.Count, CancellationToken.None);
            for (var i = 0; i < members.Count; i++)
                codeOf[members[i]] = reserved[i];
            lastCodes[series.Key] = reserved[^1];
        }
        var stagedAhead = staged is not null && await staged.MatchesAsync(writes, codeOf)
                          && await TryWriteStagedAsync(db, staged.Contexts, staged.Bulks);
        if (stagedAhead)
            Interlocked.Increment(ref groupsStagedAhead);
        var dossiers = stagedAhead ? staged!.Dossiers : await StageAndInsertAsync(db, engine, group, writes, codeOf);
        await ClaimAttachmentsAsync(db, writes.SelectMany(i => drafts[i].AttachmentIds.Select(id => (id, codeOf[i]))).ToList());
        var written = Stopwatch.GetTimestamp();
        // Not due yet (paced): the loop waits for it after this commit, and more applications join it meanwhile.
        if (takeNext && NextGroupDue)
            TakeNext();
        await transaction.CommitAsync(CancellationToken.None);
        // Where a slow group's time went: the turn (another writer had it), BEGIN (the database's write lock), the work,
        // or the commit (its sync to disk). The writer is every submission's serial part, so its slow groups are the tail.
        logger.LogTrace("Group of {Count} written in {Total:F1} ms: turn {Turn:F1} ms, lock {Lock:F1} ms, work {Work:F1} ms (checks {Checks:F1} ms, staged ahead {StagedAhead}), commit {Commit:F1} ms",
            group.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Stopwatch.GetElapsedTime(started, turnTaken).TotalMilliseconds,
            Stopwatch.GetElapsedTime(turnTaken, begun).TotalMilliseconds, Stopwatch.GetElapsedTime(begun, written).TotalMilliseconds,
            Stopwatch.GetElapsedTime(checking, checkedAt).TotalMilliseconds, stagedAhead, Stopwatch.GetElapsedTime(written).TotalMilliseconds);
        SubmissionResult Answer(int i) =>
            refused.TryGetValue(i, out var refusal) ? refusal
            : twins.TryGetValue(i, out var first) ? SubmissionChecks.Duplicate(drafts[i], drafts[first].ApplicantId == drafts[i].ApplicantId ? codeOf[first] : null)
            : new SubmissionResult(dossiers[i], false, [], false);
        void AnswerAll(Exception? notDurable)
        {
            for (var i = 0; i < group.Count; i++)
            {
                if (notDurable is not null)
                {
                    // Committed, but whether it is on disk is unknown: no one is told it was received. A retry with the
                    // same idempotency key finds the dossier if it survived.
                    group[i].Done.TrySetException(notDurable);
                    continue;
                }
                var key = (group[i].Draft.ApplicantId, group[i].Draft.IdempotencyKey);
                group[i].Done.TrySetResult(earlier.TryGetValue(key, out var before) ? new SubmissionResult(before, true, [], false)
                    : firstOf[key] == i ? Answer(i)
                    : Answer(firstOf[key]) is { Dossier: { } made } ? new SubmissionResult(made, true, [], false)
                    : Answer(firstOf[key]));
            }
        }
        if (logSyncer is null)
            AnswerAll(null);
        else
            logSyncer.AfterSync(AnswerAll);
    }

    /// <summary>
    /// The group's applications staged (instance started, form answered, dossier added) and inserted in the open
    /// transaction of <paramref name="db"/>. The engine's runs are CPU work without the database: a large group is
    /// staged in parts on the thread pool, each part in a context of its own — the single writer is the serial part of
    /// every submission, so it should not leave a core idle — and every part's rows are written here.
    /// </summary>
    private async Task<DossierRecord[]> StageAndInsertAsync(AppDbContext db, WorkflowEngine engine, IReadOnlyList<Pending> group,
        List<int> writes, string[] codeOf)
    {
        var dossiers = new DossierRecord[group.Count];
        var parts = Parts(writes);
        var stagers = parts.Skip(1).Select(_ => scopes.CreateScope()).ToList();
        try
        {
            var bulks = new BulkRows[parts.Length];
            void StagePart(int k, AppDbContext into, WorkflowEngine with)
            {
                into.ChangeTracker.AutoDetectChangesEnabled = false;
                with.Bulk = bulks[k] = new BulkRows();
                foreach (var i in parts[k])
                    dossiers[i] = Stage(into, with, group[i].Draft, codeOf[i]);
            }
            var others = stagers.Select((stager, k) => Task.Run(() => StagePart(k + 1,
                stager.ServiceProvider.GetRequiredService<AppDbContext>(), stager.ServiceProvider.GetRequiredService<WorkflowEngine>()))).ToList();
            try
            {
                StagePart(0, db, engine);
            }
            finally
            {
                await Task.WhenAll(others); // before the parts' scopes are disposed, even when this part failed
            }
            // All additions: a few multi-row INSERTs instead of one command per row (SaveChanges stays the fallback for
            // a group staged in one part; the parts' own contexts have no transaction to save in, so their group fails
            // and its members are written alone).
            var sources = stagers.Select(s => s.ServiceProvider.GetRequiredService<AppDbContext>()).Prepend(db).ToList();
            if (!await TryWriteStagedAsync(db, sources, bulks))
            {
                if (parts.Length > 1)
                    throw new InvalidOperationException("A group staged in parts changed existing rows; it is written again one by one.");
                await db.SaveChangesAsync(CancellationToken.None);
                await bulks[0].WriteAsync(db, CancellationToken.None);
            }
        }
        finally
        {
            foreach (var stager in stagers)
                stager.Dispose();
        }
        return dossiers;
    }

    /// <summary>The applications to stage, in parts staged in parallel: one part for a small group, else one per core.</summary>
    internal static int[][] Parts(IReadOnlyList<int> members) =>
        members.Count < 2 * MinPart ? [members.ToArray()] : members.Chunk((members.Count + StagingParts - 1) / StagingParts).ToArray();

    /// <summary>
    /// The rows staged written over <paramref name="db"/>, in its transaction: those the engines collected untracked
    /// (<paramref name="bulks"/>: every row of a submission — instance, dossier, task, bookmarks,
    /// journal lines, outbox message — which EF Core's change tracker no longer attaches, snapshots and scans), and any
    /// addition still tracked by <paramref name="contexts"/> (an incident). False, with nothing written, when a context
    /// holds anything but additions.
    /// </summary>
    internal static async Task<bool> TryWriteStagedAsync(AppDbContext db, IReadOnlyList<AppDbContext> contexts, IEnumerable<BulkRows> bulks)
    {
        if (!await BulkInsert.TryWriteAddedAsync(db, contexts, CancellationToken.None))
            return false;
        var all = new BulkRows();
        foreach (var bulk in bulks)
            all.Add(bulk);
        await all.WriteAsync(db, CancellationToken.None);
        return true;
    }

    internal static DossierRecord Stage(AppDbContext db, WorkflowEngine engine, SubmissionDraft draft, string code)
    {
        var definition = draft.Definition;
        var input = new JsonObject { ["dossier"] = new JsonObject { ["code"] = code } };
        if (draft.Source is { } source)
            input[StartsFrom.Variable] = source.DeepClone();
        // Started and its first form answered in one run. The values are the request's own (validated) object; the engine
        // keeps a copy in the instance's variables.
        var submitted = engine.StartAndResume(definition.Id, input, draft.ApplicantId, started =>
            new Stimulus(started.Opened.Single(b => b.Kind == BookmarkKinds.Form).Id, BookmarkKinds.Form, "submitted", draft.ApplicantId) { Payload = draft.Values });
        if (submitted.Refused)
            throw new InvalidOperationException(submitted.Refusal!.Message);
        var dossier = new DossierRecord
        {
            Code = code, ProcedureId = definition.Id, ProcedureVersion = definition.Version, ApplicantId = draft.ApplicantId,
            InstanceId = submitted.Instance!.Id, AgencyCode = definition.Agency, IdempotencyKey = draft.IdempotencyKey,
            SubmittedAt = draft.Now.UtcDateTime, DueDate = draft.DueDate,
            DeclarationVersion = draft.Declaration.Version, DeclaredAt = draft.Now.UtcDateTime, ParentDossierCode = draft.ParentDossierCode,
            UniqueKey = draft.UniqueKey,
        };
        if (engine.Bulk is { } bulk)
            bulk.Dossiers.Add(dossier);
        else
            db.Dossiers.Add(dossier);
        return dossier;
    }

    /// <summary>The group's files given to their dossiers with one statement (on PostgreSQL one round trip instead of one
    /// per application); a file some dossier already holds keeps it.</summary>
    internal static async Task ClaimAttachmentsAsync(AppDbContext db, List<(Guid File, string Dossier)> claims)
    {
        var type = db.Model.FindEntityType(typeof(AttachmentRecord))!;
        var id = type.FindProperty(nameof(AttachmentRecord.Id))!;
        var holder = type.FindProperty(nameof(AttachmentRecord.DossierCode))!;
        var (table, idColumn, holderColumn) = (type.GetTableName(), id.GetColumnName(), holder.GetColumnName());
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var part in claims.Chunk(BulkInsert.MaxParameters(db.Database) / 2))
        {
            var rows = new StringBuilder();
            var parameters = new List<object>(part.Length * 2);
            foreach (var (file, dossier) in part)
            {
                rows.Append(rows.Length == 0 ? "(" : ", (").Append('{').Append(parameters.Count).Append("}, {").Append(parameters.Count + 1).Append("})");
                parameters.Add(id.GetRelationalTypeMapping().CreateParameter(factory, $"p{parameters.Count}", file, false));
                parameters.Add(holder.GetRelationalTypeMapping().CreateParameter(factory, $"p{parameters.Count}", dossier, true));
            }
            // VALUES columns are column1, column2 on both SQLite (3.33+: UPDATE … FROM) and PostgreSQL; only placeholders in the text.
            var sql = $"UPDATE {table} SET \"{holderColumn}\" = v.column2 FROM (VALUES {rows}) AS v " +
                      $"WHERE {table}.\"{idColumn}\" = v.column1 AND {table}.\"{holderColumn}\" IS NULL";
            await db.Database.ExecuteSqlRawAsync(sql, parameters);
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private sealed class Pending(SubmissionDraft draft)
    {
        public SubmissionDraft Draft { get; } = draft;

        public TaskCompletionSource<SubmissionResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
