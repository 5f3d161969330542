using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Should_turn_automatic_checkpoints_off_only_while_it_runs_for_that_file()
    {
        var options = TestDatabases.NewSqlite();
        var other = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }
        await using (await TestDatabases.MigratedAsync(other)) { }

        using (SqliteCheckpointer.TakeOver(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
        {
            Assert.Equal(0, await AutoCheckpointAsync(options));
            Assert.Equal(1000, await AutoCheckpointAsync(other));
        }
        Assert.Equal(1000, await AutoCheckpointAsync(options));
    }

    [Fact]
    public async Task Should_copy_the_log_back_into_the_database_file_which_the_writers_no_longer_do()
    {
        var options = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        using var takeOver = SqliteCheckpointer.TakeOver(file);
        var before = new FileInfo(file).Length;
        await WriteAsync(options, 1000); // ≈ 2 MB: past SQLite's automatic checkpoint of 1,000 pages

        Assert.Equal(before, new FileInfo(file).Length); // all of it still in the log
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        new SqliteCheckpointer(options, NullLogger<SqliteCheckpointer>.Instance).Checkpoint(connection);

        Assert.True(new FileInfo(file).Length > before + 1000 * 2000, $"{new FileInfo(file).Length} bytes");
        await using var db = TestDatabases.Context(options);
        Assert.Equal(1000, await db.Outbox.CountAsync());
    }

    private static async Task<long> AutoCheckpointAsync(DatabaseOptions options)
    {
        await using var db = TestDatabases.Context(options);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WriteAsync(DatabaseOptions options, int count)
    {
        await using var db = TestDatabases.Context(options);
        for (var i = 0; i < count; i++)
            db.Outbox.Add(new OutboxMessageRecord
            {
                Id = Guid.NewGuid(), Kind = "notification", PayloadJson = new string('x', 2000), DueAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            });
        await db.SaveChangesAsync();
    }
}
