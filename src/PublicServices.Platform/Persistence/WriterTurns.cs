namespace PublicServices.Platform.Persistence;

/// <summary>
/// Turns at the database's write lock between this process's long-running writers: the submissions' group writer takes
/// a turn for each group, and <see cref="SqliteCheckpointer"/> takes one for the moment it holds writers back to let the
/// log start over. Without it the checkpointer waited in SQLite's busy handler, which sleeps between tries and kept
/// missing the few free moments between back-to-back groups — for up to 5 s, while the log grew by hundreds of
/// megabytes. On SQLite the short writers take turns too: every <c>SaveChanges</c> outside an explicit transaction
/// (<see cref="AppDbContext"/>) — a worker's delivery log, an upload. Without it the notifications' outbox, committing
/// several short transactions a second back to back, kept winning the lock: the group writer retried in SQLite's busy
/// handler, which sleeps 1, 2, 5, 10 … 25 ms between tries, and submissions queued behind it (open loop at 1,000/s:
/// p99 0.6–1.5 s with the workers on, 0.11 s with them off). Here they queue in order, without sleeping.
/// </summary>
public sealed class WriterTurns
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WriterTurns> BySqliteDatabase = new();
    private readonly SemaphoreSlim turn = new(1, 1);
    private int waiting;

    /// <summary>The turns of one SQLite database of this process (by its connection string): the portal's writers of
    /// that file all queue on these.</summary>
    public static WriterTurns ForSqlite(string connectionString) => BySqliteDatabase.GetOrAdd(connectionString, _ => new WriterTurns());

    /// <summary>The turns registered for a SQLite database, or null (PostgreSQL, or a context built outside the portal's
    /// services, e.g. by a test).</summary>
    internal static WriterTurns? OfSqlite(string? connectionString) =>
        connectionString is not null && BySqliteDatabase.TryGetValue(connectionString, out var turns) ? turns : null;

    /// <summary>Callers waiting for a turn.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        return new Turn(turn);
    }

    /// <summary>The same, for a caller on its own thread (the checkpointer's loop, which runs synchronously).</summary>
    public IDisposable Take()
    {
        Interlocked.Increment(ref waiting);
        try
        {
            turn.Wait();
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                turn.Release();
        }
    }
}
