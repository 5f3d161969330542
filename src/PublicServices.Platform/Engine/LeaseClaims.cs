using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Claims due work (timer bookmarks, outbox messages) for one worker with a time-limited lease, in one statement.
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c> lets several nodes claim disjoint rows at once. SQLite: the statement runs
/// under the database's single write lock, so two processes on one file never claim the same row either.
/// A worker that dies keeps its lease until it expires; then the work is claimed again and redone once.
/// </summary>
public sealed class LeaseClaims(DatabaseOptions options)
{
    public async Task<IReadOnlyList<Guid>> ClaimDueBookmarksAsync(AppDbContext db, string owner, DateTime now, TimeSpan lease, int max, CancellationToken ct) =>
        await ClaimAsync(db, "workflow_bookmarks", "\"DueAt\" IS NOT NULL AND \"DueAt\" <= {0}", "\"DueAt\"", owner, now, lease, max, ct);

    public async Task<IReadOnlyList<Guid>> ClaimOutboxAsync(AppDbContext db, string owner, DateTime now, TimeSpan lease, int max, CancellationToken ct) =>
        await ClaimAsync(db, "outbox_messages", $"\"Status\" = '{nameof(OutboxStatus.Pending)}' AND \"DueAt\" <= {{0}}", "\"DueAt\"", owner, now, lease, max, ct);

    private async Task<IReadOnlyList<Guid>> ClaimAsync(AppDbContext db, string table, string duePredicate, string order,
        string owner, DateTime now, TimeSpan lease, int max, CancellationToken ct)
    {
        var skipLocked = options.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        // {0} now, {1} owner, {2} lease until, {3} max: all passed as parameters.
        var sql = $$"""
            UPDATE {{table}} SET "LeaseOwner" = {1}, "LeaseUntil" = {2}
            WHERE "Id" IN (
                SELECT "Id" FROM {{table}}
                WHERE {{duePredicate}} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {0})
                ORDER BY {{order}} LIMIT {3}{{skipLocked}})
            RETURNING "Id" AS "Value"
            """;
        var until = now + lease;
        // A lease is redone by design (a worker that dies loses it), so a claim lost on a power cut only means the work is
        // claimed again: on SQLite the claim commits without waiting for the disk (AppDbContext.RelaxedDurability, applied
        // when the statement opens the connection). With synchronous=FULL each claim held the single write lock through
        // SQLite's fsync — the outbox claims a batch several times a second at 1,000 submissions a second, and in a slow
        // flush (a pool thread's kernel stack sampled ≈ 300 ms in such an fsync) the submissions' writer waited for the lock.
        var relaxed = db.RelaxedDurability;
        db.RelaxedDurability = true;
        try
        {
            return await db.Database.SqlQueryRaw<Guid>(sql, now, owner, until, max).ToListAsync(ct);
        }
        finally
        {
            db.RelaxedDurability = relaxed;
        }
    }
}
