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
/// signalled twice, nothing is missed.
/// </summary>
public sealed class SignalBroadcaster(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignalBroadcaster> logger)
{
    public async Task<Guid> StartAsync(string signal, string? key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fullKey = WaitActivity.SignalKey(signal, key);
        var job = new BatchJobRecord
        {
            Id = Guid.NewGuid(), Signal = signal, Key = key, Status = BatchJobStatus.Running, StartedAt = clock.GetUtcNow().UtcDateTime,
            Total = await db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Signal && b.Key == fullKey, cancellationToken),
        };
        db.BatchJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    public async Task<BatchJobRecord> RunAsync(Guid jobId, int chunkSize, IProgress<BatchJobRecord>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var job = await db.BatchJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            if (job.Status != BatchJobStatus.Running)
                return job;
            var fullKey = WaitActivity.SignalKey(job.Signal, job.Key);
            var chunk = await db.Bookmarks.AsNoTracking()
                .Where(b => b.Kind == BookmarkKinds.Signal && b.Key == fullKey)
                .OrderBy(b => b.Id)
                .Select(b => new { b.Id, b.InstanceId })
                .Take(chunkSize)
                .ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                job.Status = BatchJobStatus.Completed;
                job.FinishedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                progress?.Report(job);
                return job;
            }
            var instanceIds = chunk.Select(c => c.InstanceId).Distinct().ToList();
            var instances = await db.Instances.Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var item in chunk)
            {
                var outcome = engine.Resume(instances[item.InstanceId], new Stimulus(item.Id, BookmarkKinds.Signal, "done", "system:" + job.Signal));
                if (outcome.Refused)
                {
                    // A waiting signal whose instance cannot take it (cancelled meanwhile): drop the stale bookmark.
                    job.Refused++;
                    db.Bookmarks.Remove(db.Bookmarks.Attach(new BookmarkRecord { Id = item.Id, StepId = "", Kind = BookmarkKinds.Signal }).Entity);
                    logger.LogWarning("Signal {Signal} refused by instance {Instance}: {Reason}", job.Signal, item.InstanceId, outcome.Refusal!.Message);
                }
            }
            job.Processed += chunk.Count;
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(job);
        }
    }
}
