using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Starts scheduled broadcasts (<c>results publish --at …</c>) when due, never before, on one node at a time: one
/// statement claims the job (<c>Scheduled</c> and due, or <c>Running</c> with an expired lease or our own) and sets the
/// lease; each call then runs a few chunks (renewing the lease with every chunk's commit) and returns, so the node's
/// other background work keeps its turn and the loop comes straight back while chunks remain. A node that dies mid-way
/// leaves its lease to expire; another node continues from the bookmarks that remain.
/// </summary>
public sealed class ScheduledBroadcastWork(IServiceScopeFactory scopes, SignalBroadcaster broadcaster, TimeProvider clock, WorkerOptions options)
    : IBackgroundWork
{
    public const int ChunkSize = 500;
    public const int ChunksPerCall = 20;

    public string Name => "scheduled-broadcasts";

    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        Guid jobId;
        var now = clock.GetUtcNow().UtcDateTime;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // {0} now, {1} owner, {2} lease until.
            var claimed = await db.Database.SqlQueryRaw<Guid>(
                """
                UPDATE batch_jobs SET "Status" = 'Running', "LeaseOwner" = {1}, "LeaseUntil" = {2}
                WHERE "Id" IN (
                    SELECT "Id" FROM batch_jobs
                    WHERE "StartAt" IS NOT NULL AND "StartAt" <= {0}
                      AND ("Status" = 'Scheduled' OR ("Status" = 'Running' AND ("LeaseUntil" < {0} OR "LeaseOwner" = {1})))
                    ORDER BY "StartAt" LIMIT 1)
                  AND ("Status" = 'Scheduled' OR ("Status" = 'Running' AND ("LeaseUntil" < {0} OR "LeaseOwner" = {1})))
                RETURNING "Id" AS "Value"
                """, now, owner, now + options.Lease).ToListAsync(cancellationToken);
            if (claimed.Count == 0)
                return 0;
            jobId = claimed[0];
            var job = await db.BatchJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            if (job.Processed == 0 && job.FinishedAt is null)
            {
                // Counted when it really starts: instances may have arrived at the wait since it was scheduled.
                job.Total = await SignalBroadcaster.CountWaitingAsync(db, job.Signal, job.Key, cancellationToken);
                job.StartedAt = now;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await broadcaster.RunAsync(jobId, ChunkSize, null, cancellationToken, owner, options.Lease, ChunksPerCall);
        return 1;
    }
}
