using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Sends one signal to every instance waiting for it (e.g. "results-published" for exam year 2026), in chunks. Each chunk
/// commits its resumes together with the job's progress, and a resumed instance's bookmark disappears in that same
/// transaction — so after a crash <see cref="RunAsync"/> simply continues with the bookmarks that remain: nothing is
/// signalled twice, nothing is missed. Waits with <c>data:</c> receive their dataset record: the chunk's records are read
/// in one query per dataset (normally one), by the keys their bookmarks kept. A chunk whose save loses a race (an
/// instance changed meanwhile, a counter of a <c>number</c> step taken by another node) is redone from the database.
/// </summary>
public sealed class SignalBroadcaster(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignalBroadcaster> logger)
{
    private const int MaxChunkAttempts = 5;

    public async Task<Guid> StartAsync(string signal, string? key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = new BatchJobRecord
        {
            Id = Guid.NewGuid(), Signal = signal, Key = key, Status = BatchJobStatus.Running, StartedAt = clock.GetUtcNow().UtcDateTime,
            Total = await CountWaitingAsync(db, signal, key, cancellationToken),
        };
        db.BatchJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    /// <summary>Records a broadcast to start at <paramref name="startAt"/> (not before); <see cref="ScheduledBroadcastWork"/> runs it.
    /// A job of the same signal and key still scheduled is moved to the new time instead of a second one being added.</summary>
    public async Task<BatchJobRecord> ScheduleAsync(string signal, string? key, DateTimeOffset startAt, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.BatchJobs.FirstOrDefaultAsync(j => j.Signal == signal && j.Key == key && j.Status == BatchJobStatus.Scheduled, cancellationToken);
        if (job is null)
        {
            job = new BatchJobRecord { Id = Guid.NewGuid(), Signal = signal, Key = key, Status = BatchJobStatus.Scheduled, StartedAt = clock.GetUtcNow().UtcDateTime };
            db.BatchJobs.Add(job);
        }
        job.StartAt = startAt.UtcDateTime;
        job.Total = await CountWaitingAsync(db, signal, key, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public static Task<int> CountWaitingAsync(AppDbContext db, string signal, string? key, CancellationToken cancellationToken)
    {
        var fullKey = WaitActivity.SignalKey(signal, key);
        return db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Signal && b.Key == fullKey, cancellationToken);
    }

    /// <summary>The next waits to signal, in id order — read from the (Kind, Key, Id) index, so a chunk costs its own rows
    /// only, however many waits remain.</summary>
    internal static IQueryable<BookmarkRecord> NextChunk(AppDbContext db, string fullKey, int size) =>
        db.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKinds.Signal && b.Key == fullKey).OrderBy(b => b.Id).Take(size);

    /// <summary>
    /// Runs the job's chunks until none is left (or <paramref name="maxChunks"/> were done). With <paramref name="owner"/>
    /// the caller holds the job's lease: each chunk renews it for <paramref name="lease"/>, and the run stops as soon as
    /// another node holds it.
    /// </summary>
    public async Task<BatchJobRecord> RunAsync(Guid jobId, int chunkSize, IProgress<BatchJobRecord>? progress, CancellationToken cancellationToken,
        string? owner = null, TimeSpan? lease = null, int maxChunks = int.MaxValue)
    {
        var failures = 0;
        for (var done = 0; ; )
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The engine looks up tracked bookmarks through DbSet.Local, which would scan every tracked entity for changes on
            // each call (quadratic in the chunk): changes are detected once, before the chunk's save.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            // Journal lines, outbox messages and the signal's bookmarks go in multi-row statements (BulkRows), not through change
            // tracking: in the transaction of the chunk's SaveChanges, so the guarantees above hold unchanged.
            var bulk = engine.Bulk = new BulkRows();
            var job = await db.BatchJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            if (job.Status != BatchJobStatus.Running || (owner is not null && job.LeaseOwner != owner) || done >= maxChunks)
                return job;
            var now = clock.GetUtcNow().UtcDateTime;
            if (owner is not null && lease is { } span)
                job.LeaseUntil = now + span;
            var fullKey = WaitActivity.SignalKey(job.Signal, job.Key);
            var chunk = await NextChunk(db, fullKey, chunkSize).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                job.Status = BatchJobStatus.Completed;
                job.FinishedAt = now;
                job.LeaseOwner = null;
                job.LeaseUntil = null;
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                progress?.Report(job);
                return job;
            }
            var records = new Dictionary<(string, string), string>();
            foreach (var group in chunk.Where(c => c.Dataset is not null && c.DataKey is not null).GroupBy(c => c.Dataset!))
            {
                var keys = group.Select(c => c.DataKey!).Distinct().ToList();
                var found = await db.DatasetRecords.AsNoTracking()
                    .Where(r => r.Dataset == group.Key && keys.Contains(r.Key))
                    .Select(r => new { r.Key, r.DataJson })
                    .ToListAsync(cancellationToken);
                foreach (var record in found)
                    records[(group.Key, record.Key)] = record.DataJson;
            }
            var instanceIds = chunk.Select(c => c.InstanceId).Distinct().ToList();
            var instances = await db.Instances.Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var refused = 0;
            foreach (var item in chunk)
            {
                JsonObject? payload = null;
                if (item.Dataset is not null)
                    payload = new JsonObject
                    {
                        ["data"] = item.DataKey is not null && records.TryGetValue((item.Dataset, item.DataKey), out var json) ? JsonNode.Parse(json) : null,
                    };
                var outcome = engine.Resume(instances[item.InstanceId], new Stimulus(item.Id, BookmarkKinds.Signal, "done", "system:" + job.Signal) { Payload = payload });
                if (outcome.Refused)
                {
                    // A waiting signal whose instance cannot take it (cancelled meanwhile): drop the stale bookmark.
                    refused++;
                    db.Bookmarks.Remove(db.Bookmarks.Attach(new BookmarkRecord { Id = item.Id, StepId = "", Kind = BookmarkKinds.Signal }).Entity);
                    logger.LogWarning("Signal {Signal} refused by instance {Instance}: {Reason}", job.Signal, item.InstanceId, outcome.Refusal!.Message);
                }
            }
            job.Refused += refused;
            job.Processed += chunk.Count;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                await bulk.WriteAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (++failures < MaxChunkAttempts)
            {
                logger.LogWarning(error, "Chunk of signal {Signal} lost a race (attempt {Attempt}); redoing it", job.Signal, failures);
                continue;
            }
            failures = 0;
            done++;
            progress?.Report(job);
        }
    }
}
