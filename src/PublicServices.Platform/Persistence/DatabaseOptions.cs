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
}
