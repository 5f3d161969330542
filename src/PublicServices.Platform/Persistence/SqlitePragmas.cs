using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Per-connection SQLite settings, applied when a connection is opened:
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a connection that finds the write lock taken waits inside SQLite, retrying after 1, 2, 5,
/// 10 … ms. Without it Microsoft.Data.Sqlite retries on its own after sleeping 150 ms each time — a submission's group
/// that met a worker's short write paid 150 ms of latency for a lock held 2 ms.</item>
/// <item><c>cache_size</c> 32 MB and <c>temp_store</c> in memory: a group's multi-row inserts touch many index pages,
/// and their statement journals no longer go through temporary files (system calls are dear on this VM).</item>
/// <item><c>wal_autocheckpoint=0</c> while a <see cref="SqliteCheckpointer"/> keeps the file's log short.</item>
/// <item><c>synchronous</c>: the configured level (FULL by default: every commit is on disk before it is acknowledged),
/// NORMAL for a context doing <see cref="AppDbContext.RelaxedDurability"/> work — checked on every open, since
/// connections are pooled.</item>
/// </list>
/// A pooled connection keeps its settings: they are sent again only when they differ from the last ones this
/// interceptor applied to that SQLite handle (five statements parsed and run on every open were ≈ 3 % of a
/// submission's CPU: a request opens a connection two or three times).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SqlitePragmas> Shared = new();
    /// <summary>Database files whose log a checkpointer of this process copies back (a count: test hosts may share none).</summary>
    private static readonly ConcurrentDictionary<string, int> CheckpointedFiles = new();
    /// <summary>The settings last applied to each open SQLite handle (pooled handles outlive their SqliteConnection).</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> Applied = new();
    private readonly string commands;
    private readonly string relaxed;
    private readonly string commandsInBackground;
    private readonly string relaxedInBackground;

    private SqlitePragmas(string? synchronous)
    {
        // busy_timeout as long as the commands' own timeout (30 s): past it the caller gets "database is locked".
        const string common = "PRAGMA busy_timeout=30000; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";
        commands = $"{common} PRAGMA synchronous={synchronous ?? "FULL"}; PRAGMA wal_autocheckpoint=1000;";
        relaxed = $"{common} PRAGMA synchronous={(synchronous == "OFF" ? "OFF" : "NORMAL")}; PRAGMA wal_autocheckpoint=1000;";
        commandsInBackground = commands.Replace("wal_autocheckpoint=1000", "wal_autocheckpoint=0");
        relaxedInBackground = relaxed.Replace("wal_autocheckpoint=1000", "wal_autocheckpoint=0");
    }

    /// <summary>One interceptor per setting, shared by every context (EF Core caches its services per options).</summary>
    public static SqlitePragmas For(string? synchronous) =>
        Shared.GetOrAdd(synchronous ?? "", key => new SqlitePragmas(key.Length == 0 ? null : key));

    /// <summary>Connections to <paramref name="file"/> opened until the result is disposed leave checkpoints to the caller.</summary>
    public static IDisposable CheckpointInBackground(string file)
    {
        CheckpointedFiles.AddOrUpdate(file, 1, (_, count) => count + 1);
        return new Release(file);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection, eventData.Context);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection, eventData.Context);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection, Microsoft.EntityFrameworkCore.DbContext? context)
    {
        var background = !CheckpointedFiles.IsEmpty && connection is SqliteConnection { DataSource: { Length: > 0 } file }
                         && CheckpointedFiles.ContainsKey(Path.GetFullPath(file));
        // Set both ways: a pooled connection may have been opened while the checkpointer ran.
        var settings = (context is AppDbContext { RelaxedDurability: true }, background) switch
        {
            (false, false) => commands, (false, true) => commandsInBackground, (true, false) => relaxed, (true, true) => relaxedInBackground,
        };
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out var last) && last == settings)
            return;
        using var command = connection.CreateCommand();
        command.CommandText = settings;
        command.ExecuteNonQuery();
        if (handle is not null)
            Applied.AddOrUpdate(handle, settings);
    }

    private sealed class Release(string file) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0
                && CheckpointedFiles.AddOrUpdate(file, 0, (_, count) => count - 1) <= 0)
                CheckpointedFiles.TryRemove(new KeyValuePair<string, int>(file, 0));
        }
    }
}
