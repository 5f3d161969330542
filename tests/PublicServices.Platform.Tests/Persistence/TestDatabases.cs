using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>
/// Real databases for tests: a SQLite file in a temporary folder, or a fresh database on the PostgreSQL server named by
/// PUBLICSERVICES_TEST_POSTGRES (scripts/postgres-test-server.sh starts one; the README's test command does it).
/// A missing server fails the PostgreSQL tests with that explanation: they are never skipped silently.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PUBLICSERVICES_TEST_POSTGRES";

    public static DatabaseOptions NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ps-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            DataPath = folder,
            ConnectionString = $"Data Source={Path.Combine(folder, "test.db")}",
        };
    }

    public static async Task<DatabaseOptions> NewPostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests through scripts/test.sh (it starts PostgreSQL), " +
                "or export a connection string to a server where the user may CREATE DATABASE.");
        var name = "ps_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
        return new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ToString() };
    }

    public static Task<DatabaseOptions> NewAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? NewPostgresAsync() : Task.FromResult(NewSqlite());

    public static AppDbContext Context(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceExtensions.Configure(builder, options);
        return new AppDbContext(builder.Options);
    }

    public static async Task<AppDbContext> MigratedAsync(DatabaseOptions options)
    {
        var db = Context(options);
        await new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(db);
        return db;
    }
}
