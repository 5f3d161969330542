using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a background loop, while the portal runs. By default
/// SQLite does it inside the commit that crosses 1,000 log pages: that transaction — on the portal, the submissions'
/// single writer — then writes and syncs megabytes before answering (15 % of the portal's CPU under load, all of it on
/// the writers' critical path). While this service runs, the portal's connections to its file turn the automatic
/// checkpoint off (<see cref="SqlitePragmas"/>), and a PASSIVE checkpoint here (it never blocks readers or writers) keeps
/// the log short. Processes that do not run it (the CLI) keep SQLite's default.
/// <para>A PASSIVE checkpoint alone never lets the log start over while commits keep coming (SQLite rewinds the log
/// only when a writer begins with all of it copied back and no reader in it): under load it grew by 60 MB/s, and writing
/// to new file blocks costs the kernel zeroing them. So once the log passes <see cref="RestartFrames"/> pages, it is
/// made to start over (<see cref="Restart"/>) — holding writers back for 10–90 ms (the disk's sync) once every ≈ 15 s
/// under a sustained load.</para>
/// <para>After each copy the pages it wrote to the database file are written out to the disk in slices
/// (<see cref="SqliteWriteBack"/>), so that SQLite's own sync of the file never has seconds' worth of them to write at
/// once while commits wait behind it.</para>
/// </summary>
internal sealed class SqliteCheckpointer(DatabaseOptions options, WriterTurns turns, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Often enough that the log stays a few megabytes at a thousand submissions a second.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>262,144 pages of 4 KB: 1 GB of log, a restart every ≈ 15 s at 1,000 submissions a second (each writes
    /// ≈ 70 KB of log: every group rewrites the index pages it touches). A restart holds the writers back for the locked
    /// pass's syncs — 60–90 ms under that load, nearly all of it waiting on the disk (the thread's own CPU 7–8 ms) — so
    /// it is kept rare: at 256 MB it came every ≈ 4 s, ≈ 1 s of held writers a minute (≈ 0.3 s now). The file keeps its size
    /// once grown; only a sustained stream of writes grows it that far.</summary>
    internal long RestartFrames { get; init; } = 262_144;

    /// <summary>The database file, once the service runs (<see cref="SqliteWriteBack"/> writes its pages out).</summary>
    private string? file;
    private SqliteLogPrefetch? prefetch;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SqliteFile() is not { } file)
            return;
        // Its own handles, not pooled: the gate's busy_timeout must not reach a portal connection (SqlitePragmas does not
        // set again what it set before on a pooled handle).
        var own = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(own);
        await connection.OpenAsync(stoppingToken);
        // The gate takes the write lock after the submissions' writer gave its turn (WriterTurns); short writers may still
        // hold it a moment, waited for by SQLite's busy handler (5 s at most, then this round gives up).
        await using var gate = new SqliteConnection(own);
        await gate.OpenAsync(stoppingToken);
        using (var wait = gate.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout=5000;";
            wait.ExecuteNonQuery();
        }
        using var background = TakeOver(file);
        this.file = file;
        prefetch = new SqliteLogPrefetch(file + "-wal");
        try
        {
            // A thread of its own: every call here blocks on the disk (a round's copy and write-back, 50–250 ms under
            // load), and on a pool thread that was one of two cores' worth of threads taken from the requests (p99 at
            // 1,000 submissions a second 318–460 → 258 ms when moved). Real time, not the portal's clock: this is
            // housekeeping of a file, not a business deadline.
            await Task.Factory.StartNew(() =>
            {
                while (!stoppingToken.WaitHandle.WaitOne(Interval))
                    Checkpoint(connection, gate);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            Checkpoint(connection, gate);
        }
    }

    /// <summary>From now until disposed, the portal's connections to <paramref name="file"/> leave checkpoints to this service.</summary>
    internal static IDisposable TakeOver(string file) => SqlitePragmas.CheckpointInBackground(Path.GetFullPath(file));

    /// <summary>One round: PASSIVE; past <see cref="RestartFrames"/> pages, the log made to start over (see <see cref="Restart"/>).</summary>
    internal void Checkpoint(SqliteConnection connection, SqliteConnection gate)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var (frames, copied) = Run(connection, "PASSIVE");
            var copiedAt = Stopwatch.GetTimestamp();
            // The log's start read too on the round before it starts over: the commits write there first.
            prefetch?.Ahead(frames, restartNear: frames + prefetch.Stretch / SqliteLogPrefetch.FrameSize >= RestartFrames);
            var readAt = Stopwatch.GetTimestamp();
            WriteBack();
            logger.LogTrace("SQLite checkpoint: {Copied} of {Frames} log pages copied back in {Elapsed:F1} ms, {Read} KB of log read ahead in {ReadAhead:F1} ms, written out in {WriteBack:F1} ms",
                copied, frames, Stopwatch.GetElapsedTime(started, copiedAt).TotalMilliseconds, (prefetch?.LastRead ?? 0) >> 10,
                Stopwatch.GetElapsedTime(copiedAt, readAt).TotalMilliseconds, Stopwatch.GetElapsedTime(readAt).TotalMilliseconds);
            if (frames < RestartFrames)
                return;
            var round = Restart(connection, gate, turns, WriteBack);
            // The writers' pause is the figure that matters (it is every submission's latency at that moment): logged, and
            // a warning when it is long enough to be felt.
            logger.Log(round.Held > SlowPause ? LogLevel.Warning : LogLevel.Debug,
                "SQLite log {Outcome}: caught up in {CatchUp:F1} ms, writers held {Held:F1} ms (waited {Turn:F1} ms for the turn, " +
                "{Lock:F1} ms for the lock; {Passes} locked passes)", round.Copied ? "copied back in full" : "not copied back in full",
                round.CatchUp.TotalMilliseconds, round.Held.TotalMilliseconds, round.TurnWait.TotalMilliseconds, round.LockWait.TotalMilliseconds, round.Passes);
            if (!round.Copied && frames > 4 * RestartFrames)
                logger.LogWarning("The SQLite log holds {Frames} pages: long readers keep it from starting over", frames);
        }
        catch (Exception error) when (error is SqliteException or IOException)
        {
            logger.LogWarning(error, "SQLite checkpoint failed; it is retried");
        }
    }

    /// <summary>The pages just copied back written out in slices (<see cref="SqliteWriteBack"/>), so that SQLite's own
    /// sync of the file, when it comes, finds little left to write.</summary>
    private void WriteBack()
    {
        if (file is not null)
            SqliteWriteBack.Run(file);
    }

    private static readonly TimeSpan SlowPause = TimeSpan.FromMilliseconds(100);

    /// <summary>What one <see cref="Restart"/> did and what it cost: the writers stood still for <see cref="Held"/>.</summary>
    internal sealed record RestartRound(bool Copied, TimeSpan CatchUp, TimeSpan TurnWait, TimeSpan LockWait, TimeSpan Held, int Passes);

    /// <summary>
    /// Lets the next commit write the log from its start. SQLite rewinds the log when a writer begins while every page
    /// of it is copied back — never under a steady stream of commits. SQLite's own RESTART checkpoint takes the write
    /// lock and then sleeps in its busy handler (up to 100 ms a time) until the readers of the moment are gone: writers
    /// stood still for 0.5–0.7 s. Instead, between two of the submissions' groups (<see cref="WriterTurns"/>),
    /// <paramref name="gate"/> holds the write lock (<c>BEGIN IMMEDIATE</c>, writing nothing) just while a PASSIVE pass
    /// copies the pages committed since the last one — a few milliseconds' worth — retried a few times, a millisecond
    /// apart, if a reader still needs an older page. Measured at 1,000 submissions a second: 60–90 ms held, the syncs of
    /// that pass waiting on a disk busy with the commits' own (10–15 ms on a lightly loaded one).
    /// </summary>
    internal static RestartRound Restart(SqliteConnection connection, SqliteConnection gate, WriterTurns turns, Action? writeBack = null)
    {
        var started = Stopwatch.GetTimestamp();
        // Catch up first without blocking anyone: each pass copies what was committed during the one before, so the
        // locked pass below has only a few milliseconds' worth left — and its sync of the file, the pages written out
        // before the writers are held.
        for (var pass = 0; pass < 2; pass++)
            Run(connection, "PASSIVE");
        writeBack?.Invoke();
        var caughtUp = Stopwatch.GetTimestamp();
        using var turn = turns.Take();
        var turnTaken = Stopwatch.GetTimestamp();
        using var pause = gate.BeginTransaction(deferred: false);
        var locked = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            var (frames, copied) = Run(connection, "PASSIVE");
            if (copied >= frames || attempt == 4)
                return new RestartRound(copied >= frames, Stopwatch.GetElapsedTime(started, caughtUp), Stopwatch.GetElapsedTime(caughtUp, turnTaken),
                    Stopwatch.GetElapsedTime(turnTaken, locked), Stopwatch.GetElapsedTime(turnTaken), attempt + 1);
            Thread.Sleep(1);
        }
    }

    /// <summary>The log's size in pages and how many of them are copied back, after the checkpoint.</summary>
    internal static (long Frames, long Copied) Run(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var result = command.ExecuteReader();
        return result.Read() ? (result.GetInt64(1), result.GetInt64(2)) : (0, 0);
    }
}
