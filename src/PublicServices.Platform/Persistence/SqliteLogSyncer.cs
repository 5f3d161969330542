using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Pipelined durable commits on SQLite: a writer commits with <c>synchronous=NORMAL</c>
/// (<see cref="AppDbContext.RelaxedDurability"/>) — the commit writes its log pages and gives the write lock back at
/// once — and hands over what it must do once the commit is on disk (<see cref="AfterSync"/>). This service's thread
/// syncs the log file (<c>fdatasync</c>) and then runs every hand-over that came before the sync began. With
/// <c>synchronous=FULL</c>, SQLite syncs inside the commit, holding the write lock: the submissions' writer, the
/// serial part of every submission, spent 0.40 of its 0.93 ms a submission waiting on the disk at 1,000 a second. Now
/// the next group is written while the previous one's sync runs, and one sync serves every group committed meanwhile.
/// <para>Safe because the log is sequential: a sync begun after a commit returned covers that commit and all before it.
/// Callers answer nobody before <see cref="AfterSync"/> runs; other connections may read the rows a few milliseconds
/// before they are on disk (a power cut in that window loses them, unacknowledged, and what was read of them).</para>
/// </summary>
public sealed class SqliteLogSyncer : IAsyncDisposable
{
    private readonly string log;
    private readonly Action<string> sync;
    private readonly ILogger logger;
    private readonly BlockingCollection<Action<Exception?>> waiting = new();
    private readonly Task loop;

    /// <param name="log">The database's write-ahead log file.</param>
    /// <param name="logger">Where a failed sync or hand-over is reported.</param>
    /// <param name="sync">Syncs it; <see cref="SyncLogFile"/> outside tests.</param>
    public SqliteLogSyncer(string log, ILogger<SqliteLogSyncer>? logger = null, Action<string>? sync = null)
    {
        this.log = log;
        this.logger = logger ?? NullLogger<SqliteLogSyncer>.Instance;
        this.sync = sync ?? SyncLogFile;
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The log to sync for a SQLite file database whose commits must be durable (<c>synchronous=FULL</c>, the
    /// default); null otherwise (PostgreSQL, memory, a level configured lower: nothing to wait for).</summary>
    public static string? LogOf(DatabaseOptions options) =>
        options.SqliteSynchronous.Equals("FULL", StringComparison.OrdinalIgnoreCase) && options.SqliteFile() is { } file ? file + "-wal" : null;

    /// <summary>Runs <paramref name="then"/> after a sync of the log that began after this call — with the sync's error
    /// if it failed (the commit's durability then unknown). Call after the commit returned, while a connection to the
    /// database is still open (SQLite deletes the log when the last one closes).</summary>
    public void AfterSync(Action<Exception?> then) => waiting.Add(then);

    private void Run()
    {
        foreach (var first in waiting.GetConsumingEnumerable())
        {
            var batch = new List<Action<Exception?>> { first };
            while (waiting.TryTake(out var more))
                batch.Add(more);
            Exception? failed = null;
            try
            {
                sync(log);
            }
            catch (Exception error)
            {
                logger.LogError(error, "Syncing the SQLite log {Log} failed: {Count} commits not confirmed", log, batch.Count);
                failed = error;
            }
            foreach (var then in batch)
                try
                {
                    then(failed);
                }
                catch (Exception error)
                {
                    // One hand-over's fault must not stop the thread every later commit waits on.
                    logger.LogError(error, "A hand-over after a SQLite log sync failed");
                }
        }
    }

    /// <summary>
    /// <c>fdatasync</c> of the log on Linux (a full flush elsewhere). Not <c>fsync</c>: the SQLite NuGet ships
    /// (e_sqlite3) syncs with <c>fsync</c>, which also writes the file's new modification time through the file system's
    /// journal; the log's pages and size, all a recovery reads, are on disk when <c>fdatasync</c> returns. The descriptor
    /// is opened for the sync and closed: SQLite holds no lock on the log file (its locks are on the database and
    /// <c>-shm</c> files), so closing it drops none.
    /// </summary>
    public static void SyncLogFile(string log)
    {
        using var handle = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(handle);
            return;
        }
        if (fdatasync((int)handle.DangerousGetHandle()) != 0)
            throw new IOException($"fdatasync of {log} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int fdatasync(int fd);

    public async ValueTask DisposeAsync()
    {
        waiting.CompleteAdding();
        await loop;
        waiting.Dispose();
    }
}
