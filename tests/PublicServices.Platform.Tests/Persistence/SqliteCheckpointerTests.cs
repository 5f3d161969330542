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
        await using var gate = new SqliteConnection(options.ConnectionString);
        await gate.OpenAsync();
        new SqliteCheckpointer(options, new WriterTurns(), NullLogger<SqliteCheckpointer>.Instance).Checkpoint(connection, gate);

        Assert.True(new FileInfo(file).Length > before + 1000 * 2000, $"{new FileInfo(file).Length} bytes");
        await using var db = TestDatabases.Context(options);
        Assert.Equal(1000, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Should_make_the_log_start_over_once_copied_back_so_it_stops_growing()
    {
        var options = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        using var takeOver = SqliteCheckpointer.TakeOver(file);
        await using var connection = await OpenAsync(options);
        await using var gate = await OpenAsync(options);
        var turns = new WriterTurns();
        await WriteAsync(options, 500);
        var (before, _) = SqliteCheckpointer.Run(connection, "PASSIVE");

        Assert.True(SqliteCheckpointer.Restart(connection, gate, turns).Copied);
        await WriteAsync(options, 1);

        var (after, _) = SqliteCheckpointer.Run(connection, "PASSIVE");
        Assert.True(before > 300, $"{before} pages before");
        Assert.True(after < 20, $"{after} pages after one more commit: the log did not start over");
        using (await turns.TakeAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token)) { } // the turn was given back
        await using var db = TestDatabases.Context(options);
        Assert.Equal(501, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Should_not_restart_the_log_while_a_reader_still_needs_pages_of_it()
    {
        var options = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }
        using var takeOver = SqliteCheckpointer.TakeOver(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
        await using var connection = await OpenAsync(options);
        await using var gate = await OpenAsync(options);
        await WriteAsync(options, 50);
        await using var reader = await OpenAsync(options);
        await using var snapshot = reader.BeginTransaction(deferred: true);
        using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM outbox_messages;";
            Assert.Equal(50L, read.ExecuteScalar());
        }
        await WriteAsync(options, 50); // pages the reader's snapshot must not see overwritten

        Assert.False(SqliteCheckpointer.Restart(connection, gate, new WriterTurns()).Copied);
        using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM outbox_messages;";
            Assert.Equal(50L, read.ExecuteScalar()); // its snapshot intact
        }
    }

    [Fact]
    public async Task Should_give_writers_their_turns_one_at_a_time()
    {
        var turns = new WriterTurns();
        var first = await turns.TakeAsync();
        var second = turns.TakeAsync();
        Assert.False(second.IsCompleted);
        first.Dispose();
        first.Dispose(); // a second dispose gives nothing back twice
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        var third = turns.TakeAsync();
        var fourth = turns.TakeAsync();
        Assert.True(third.IsCompleted);
        Assert.False(fourth.IsCompleted);
    }

    private static async Task<SqliteConnection> OpenAsync(DatabaseOptions options)
    {
        var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        return connection;
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
