using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

public sealed class WriterTurnsTests
{
    private static readonly DateTime At = new(2027, 4, 21, 1, 2, 3, DateTimeKind.Utc);

    /// <summary>A migrated SQLite file with its turns registered, as the portal's services register them.</summary>
    private static async Task<(DatabaseOptions Options, WriterTurns Turns)> NewDatabaseAsync()
    {
        var options = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }
        return (options, WriterTurns.ForSqlite(options.ConnectionString!));
    }

    private static OutboxMessageRecord Message() => new() { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At };

    [Fact]
    public async Task Should_make_a_short_write_wait_for_the_turn_the_group_writer_holds_then_write_it()
    {
        var (options, turns) = await NewDatabaseAsync();
        await using var db = TestDatabases.Context(options);
        db.Outbox.Add(Message());

        Task<int> save;
        using (await turns.TakeAsync()) // the submissions' writer between BEGIN and COMMIT
        {
            save = db.SaveChangesAsync();
            SpinWait.SpinUntil(() => turns.Waiting == 1 || save.IsCompleted);
            Assert.Equal(1, turns.Waiting); // queued on the turn: it did not go to SQLite's lock
            Assert.False(save.IsCompleted);
            await using var reader = TestDatabases.Context(options);
            Assert.Equal(0, await reader.Outbox.CountAsync());
        }
        Assert.Equal(1, await save);
        Assert.Equal(0, turns.Waiting);
    }

    [Fact]
    public async Task Should_take_no_turn_for_nothing_to_save_nor_inside_an_explicit_transaction()
    {
        var (options, turns) = await NewDatabaseAsync();
        await using var db = TestDatabases.Context(options);
        await using var transaction = await db.Database.BeginTransactionAsync(); // holds SQLite's write lock itself

        using (await turns.TakeAsync())
        {
            // Bounded: taking a turn here would wait for ever (a failure, not a hang, if that comes back).
            var bound = TimeSpan.FromSeconds(30);
            Assert.Equal(0, await db.SaveChangesAsync().WaitAsync(bound)); // nothing to save: no turn
            db.Outbox.Add(Message());
            Assert.Equal(1, await db.SaveChangesAsync().WaitAsync(bound)); // its own transaction: no turn either
        }
        await transaction.CommitAsync();
        Assert.Equal(1, await db.Outbox.AsNoTracking().CountAsync());
    }
}
