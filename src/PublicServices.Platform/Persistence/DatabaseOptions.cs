using Microsoft.Data.Sqlite;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// <c>Database:Provider</c> (Sqlite by default, or Postgres) and <c>ConnectionStrings:Default</c>.
/// With SQLite and no connection string the database is <c>{DataPath}/publicservices.db</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and other local data (uploads, keys); created on first run.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// SQLite <c>synchronous</c>: FULL (default) syncs the log on every commit; NORMAL, safe against process crashes
    /// in WAL mode but not against power loss, is for benchmarks and disposable environments only.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>The SQLite database's file, as a full path; null on PostgreSQL or for an in-memory database.</summary>
    public string? SqliteFile() =>
        Provider == DatabaseProvider.Sqlite
        && new SqliteConnectionStringBuilder(ConnectionString) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } file and not ":memory:" }
            ? Path.GetFullPath(file)
            : null;
}
