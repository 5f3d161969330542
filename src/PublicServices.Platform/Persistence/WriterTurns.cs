namespace PublicServices.Platform.Persistence;

/// <summary>
/// Turns at the database's write lock between this process's long-running writers: the submissions' group writer takes
/// a turn for each group, and <see cref="SqliteCheckpointer"/> takes one for the moment it holds writers back to let the
/// log start over. Without it the checkpointer waited in SQLite's busy handler, which sleeps between tries and kept
/// missing the few free moments between back-to-back groups — for up to 5 s, while the log grew by hundreds of
/// megabytes. Short writers (requests, workers) do not take turns: SQLite's own lock and busy timeout order them.
/// </summary>
public sealed class WriterTurns
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken = default)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    /// <summary>The same, for a caller on its own thread (the checkpointer's loop, which runs synchronously).</summary>
    public IDisposable Take()
    {
        turn.Wait();
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
