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
/// <para>A PASSIVE checkpoint alone never lets the log start over while readers keep arriving (SQLite rewinds the log
/// only when a writer finds it wholly copied back and no reader in it): under load it grew by 60 MB/s, and writing to
/// new file blocks costs the kernel zeroing them. So once the log passes <see cref="RestartFrames"/> pages, a RESTART
/// checkpoint waits for the readers of the moment to finish (new writers wait meanwhile — little is left to copy after
/// the passive ones) so that the next commit writes the log from its start again.</para>
/// </summary>
internal sealed class SqliteCheckpointer(DatabaseOptions options, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Often enough that the log stays a few megabytes at a thousand submissions a second.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>16,384 pages of 4 KB: 64 MB of log.</summary>
    internal long RestartFrames { get; init; } = 16_384;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite
            || new SqliteConnectionStringBuilder(options.ConnectionString) is not { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } file and not ":memory:" })
            return;
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        using (var wait = connection.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout=5000;"; // a RESTART waits for readers inside SQLite, in short steps
            wait.ExecuteNonQuery();
        }
        using var background = TakeOver(file);
        try
        {
            // Real time, not the portal's clock: this is housekeeping of a file, not a business deadline.
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Checkpoint(connection);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Checkpoint(connection);
        }
    }

    /// <summary>From now until disposed, the portal's connections to <paramref name="file"/> leave checkpoints to this service.</summary>
    internal static IDisposable TakeOver(string file) => SqlitePragmas.CheckpointInBackground(Path.GetFullPath(file));

    /// <summary>One round: PASSIVE, then RESTART when the log has grown past <see cref="RestartFrames"/>.</summary>
    internal void Checkpoint(SqliteConnection connection)
    {
        try
        {
            var (frames, _) = Run(connection, "PASSIVE");
            if (frames < RestartFrames)
                return;
            var (left, copied) = Run(connection, "RESTART");
            if (left > 4 * RestartFrames)
                logger.LogWarning("The SQLite log holds {Frames} pages ({Copied} copied back): long readers keep it from starting over", left, copied);
        }
        catch (SqliteException error)
        {
            logger.LogWarning(error, "SQLite checkpoint failed; it is retried");
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
