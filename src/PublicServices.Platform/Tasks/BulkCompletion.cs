using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Tasks;

/// <summary>One task's result in a bulk action: done, or refused and why.</summary>
public sealed record BulkItemResult(Guid TaskId, string? DossierCode, TaskActionStatus Status, string? Message);

/// <summary>
/// One outcome applied to many tasks (a school verifying 600 registrations at once). Tasks are committed in chunks; a stop
/// half-way leaves every task either fully done or untouched, and the per-item results say which.
/// <para>A chunk is first tried in one go, as a batch signal's chunk is (<see cref="SignalBroadcaster"/>): the tasks read
/// in one query and checked as <see cref="TaskActions"/> checks one, the engine run on every instance in memory, then in
/// one transaction the tasks claimed with one statement — which must claim every one, or someone took one meanwhile —
/// and the rows written with multi-row statements (<see cref="BulkRows"/>). Anything unusual (a claim lost, an instance
/// changed by someone else, an outcome that moves the dossier's deadline) sends the chunk down the careful path: one
/// <see cref="TaskActions.CompleteAsync(OfficialScope, Guid, string, string?, IReadOnlyList{string}?, CancellationToken)"/>
/// per task with its own savepoint, so a refused one is undone alone. Both give the same results.</para>
/// </summary>
public sealed class BulkCompletion(AppDbContext db, TaskQueue queue, TaskActions actions, WorkflowEngine engine, TimeProvider clock)
{
    public const int MaxTasks = 5000;

    /// <summary>Tasks committed together.</summary>
    private const int Chunk = 100;

    public async Task<IReadOnlyList<BulkItemResult>> RunAsync(OfficialScope who, IReadOnlyList<Guid> taskIds, string outcome, string? comment,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // Only the caller's tasks name their dossier: an id of another unit's task is answered NotFound, without its code.
        var codes = await queue.Visible(who).Where(t => taskIds.Contains(t.Id)).Select(t => new { t.Id, t.DossierCode }).ToDictionaryAsync(t => t.Id, t => t.DossierCode, cancellationToken);
        var results = new List<BulkItemResult>(taskIds.Count);
        foreach (var chunk in taskIds.Distinct().Take(MaxTasks).Chunk(Chunk))
        {
            var statuses = await TryAtOnceAsync(who, chunk, outcome, comment, cancellationToken)
                           ?? await OneByOneAsync(who, chunk, outcome, comment, cancellationToken);
            results.AddRange(chunk.Select((id, i) => new BulkItemResult(id, codes.GetValueOrDefault(id), statuses[i].Status, statuses[i].Message)));
            progress?.Report(results.Count);
        }
        return results;
    }

    /// <summary>The chunk in one go, or null (nothing written, the context clear) when it must go one task at a time.</summary>
    private async Task<TaskActionResult[]?> TryAtOnceAsync(OfficialScope who, Guid[] chunk, string outcome, string? comment, CancellationToken cancellationToken)
    {
        comment = TaskActions.Reason(comment);
        var tasks = await queue.Visible(who).AsNoTracking().Where(t => chunk.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var statuses = new TaskActionResult[chunk.Length];
        var ready = new List<(int Index, TaskRecord Task)>(chunk.Length);
        for (var i = 0; i < chunk.Length; i++)
        {
            if (!tasks.TryGetValue(chunk[i], out var task))
                statuses[i] = TaskActionResult.NotFound;
            else if (actions.Check(who, task, outcome, comment, null, null, out var chosen) is { } refusal)
                statuses[i] = refusal;
            else if (chosen.DossierDeadline is { Unit: DurationUnit.WorkingDays })
                return null; // the dossier's new due date is computed one task at a time, with its calendar's refusal
            else
                ready.Add((i, task));
        }
        if (ready.Count == 0)
            return statuses;

        var instanceIds = ready.Select(r => r.Task.InstanceId).Distinct().ToList();
        // Bookmarks are looked up through DbSet.Local by the engine: changes are detected once, before the save (as a signal's chunk).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var bulk = engine.Bulk = new BulkRows();
        try
        {
            var instances = await db.Instances.Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var resumedIds = new List<Guid>(ready.Count);
            foreach (var (index, task) in ready)
            {
                var resumed = engine.Resume(instances[task.InstanceId], new Stimulus(task.Id, BookmarkKinds.Task, outcome, who.UserId) { Reason = comment });
                if (resumed.Refused)
                {
                    statuses[index] = TaskActions.Refused(resumed.Refusal!);
                    continue;
                }
                statuses[index] = TaskActionResult.Done;
                resumedIds.Add(task.Id);
                actions.AuditCompletion(who, task, outcome, comment, null);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The claim is the check that nobody took a task since it was read; the task row goes in the same transaction.
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Tasks.Where(Claimable(resumedIds, who.UserId))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.ClaimedBy, who.UserId).SetProperty(x => x.ClaimedByName, who.UserName)
                    .SetProperty(x => x.ClaimedAt, now), cancellationToken);
            if (claimed != resumedIds.Count)
                return await GiveUpAsync(transaction, cancellationToken);
            try
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                await bulk.WriteAsync(db, cancellationToken);
            }
            catch (DbUpdateException)
            {
                return await GiveUpAsync(transaction, cancellationToken); // an instance changed meanwhile: one by one, each told why
            }
            await transaction.CommitAsync(cancellationToken);
            return statuses;
        }
        finally
        {
            engine.Bulk = null;
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// The chunk's tasks that nobody else holds. Written with COALESCE, not "ClaimedBy IS NULL OR ClaimedBy = me": without
    /// statistics SQLite planned that OR over the ClaimedBy index — every unclaimed task of the portal read for each chunk
    /// (1.2 M per 100 tasks in the cohort) — instead of the chunk's ids on the primary key.
    /// </summary>
    internal static System.Linq.Expressions.Expression<Func<TaskRecord, bool>> Claimable(IReadOnlyCollection<Guid> ids, string userId) =>
        t => ids.Contains(t.Id) && (t.ClaimedBy ?? userId) == userId;

    private static async Task<TaskActionResult[]?> GiveUpAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken);
        return null;
    }

    /// <summary>The careful path: one task after another, each with its own savepoint in the chunk's transaction.</summary>
    private async Task<TaskActionResult[]> OneByOneAsync(OfficialScope who, Guid[] chunk, string outcome, string? comment, CancellationToken cancellationToken)
    {
        // A stop inside a chunk rolls the whole chunk back: every task is either done and committed, or untouched.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var statuses = new TaskActionResult[chunk.Length];
        for (var i = 0; i < chunk.Length; i++)
        {
            statuses[i] = await actions.CompleteAsync(who, chunk[i], outcome, comment, null, cancellationToken);
            // Each item starts from a clean context: nothing staged by one item leaks into the next.
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return statuses;
    }
}
