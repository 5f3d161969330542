using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Applies the ordered SQL scripts embedded from Persistence/Migrations/{Sqlite|Postgres}/NNNN_name.sql,
/// each once, recording them in <c>schema_migrations</c>. Hand-written scripts stand in for EF migrations
/// because the EF Design package is not available here; a test proves the result equals the EF model.
/// Safe with several nodes starting at once: PostgreSQL takes an advisory lock, SQLite an immediate transaction.
/// </summary>
public sealed class SchemaMigrator(DatabaseOptions options, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 7_420_250_001;

    public static IReadOnlyList<(string Id, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Persistence.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
            PrepareSqliteFile();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite)
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            else
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey});", cancellationToken);

            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR(128) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL);",
                cancellationToken);

            var applied = new List<string>();
            foreach (var (id, sql) in Scripts(options.Provider))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                if (await IsAppliedAsync(connection, tx, id, cancellationToken))
                {
                    await tx.RollbackAsync(cancellationToken);
                    continue;
                }
                await ExecuteAsync(connection, tx, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)";
                    AddParameter(record, "@id", id);
                    AddParameter(record, "@at", DateTimeOffset.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                applied.Add(id);
                logger.LogInformation("Applied schema migration {Migration}", id);
            }

            if (options.Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey});", cancellationToken);
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void PrepareSqliteFile()
    {
        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, string id, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE id = @id";
        AddParameter(command, "@id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
