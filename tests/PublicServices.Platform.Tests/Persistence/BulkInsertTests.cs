using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

public sealed class BulkInsertTests
{
    private static readonly DateTime At = new(2027, 4, 21, 1, 2, 3, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_write_untracked_rows_as_SaveChanges_would_in_statements_of_bounded_size(DatabaseProvider provider)
    {
        var options = await TestDatabases.NewAsync(provider);
        await using (var migrated = await TestDatabases.MigratedAsync(options)) { }
        await using var db = TestDatabases.Context(options);
        var messages = Enumerable.Range(0, 300).Select(i => new OutboxMessageRecord
        {
            Id = Guid.CreateVersion7(), Kind = i % 2 == 0 ? "notification" : "document", PayloadJson = $"{{\"n\":{i},\"name\":\"Lê Thị Ánh Dương\"}}",
            InstanceId = i % 3 == 0 ? null : Guid.NewGuid(), Status = i % 5 == 0 ? OutboxStatus.Failed : OutboxStatus.Pending,
            DueAt = At.AddSeconds(i), Attempts = i % 4, LastError = i % 7 == 0 ? "lỗi" : null, CreatedAt = At,
        }).ToList();
        var journal = Enumerable.Range(0, 300).Select(i => new JournalEntryRecord
        {
            InstanceId = messages[i].InstanceId ?? Guid.Empty, StepId = "apply", Event = "completed", Outcome = i % 2 == 0 ? "submitted" : null, At = At,
        }).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, messages, CancellationToken.None);
            await BulkInsert.WriteAsync(db, journal, CancellationToken.None);
            await transaction.CommitAsync();
        }

        // 300 rows of 12 columns: 3,600 values, many statements on SQLite (128 values each), one on PostgreSQL.
        var stored = await db.Outbox.AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal(300, stored.Count);
        foreach (var expected in messages)
        {
            var actual = stored[expected.Id];
            Assert.Equal((expected.Kind, expected.PayloadJson, expected.InstanceId, expected.Status, expected.DueAt, expected.Attempts, expected.LastError, expected.CreatedAt),
                (actual.Kind, actual.PayloadJson, actual.InstanceId, actual.Status, actual.DueAt, actual.Attempts, actual.LastError, actual.CreatedAt));
        }
        // The journal's identity column is left to the database: 300 distinct ids, in insertion order.
        var lines = await db.Journal.AsNoTracking().OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(300, lines.Select(j => j.Id).Distinct().Count());
        Assert.Equal(journal.Select(j => (j.InstanceId, j.Outcome)), lines.Select(j => (j.InstanceId, j.Outcome)));
    }

    [Fact]
    public async Task Should_write_nothing_and_say_so_when_the_context_holds_more_than_additions()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        var existing = new OutboxMessageRecord { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At };
        db.Outbox.Add(existing);
        await db.SaveChangesAsync();

        existing.Attempts = 3;
        db.Outbox.Add(new OutboxMessageRecord { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At });
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.False(await BulkInsert.TryWriteAddedAsync(db, CancellationToken.None));
        await transaction.RollbackAsync();

        Assert.Equal(1, await db.Outbox.AsNoTracking().CountAsync());
    }

    [Fact]
    public async Task Should_write_the_additions_of_several_contexts_in_the_writers_transaction_and_clear_them()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        await using var part = TestDatabases.Context(options); // a group's part staged on another thread, never opened
        OutboxMessageRecord Message(int n) => new() { Id = Guid.CreateVersion7(), Kind = "notification", PayloadJson = $"{{\"n\":{n}}}", DueAt = At, CreatedAt = At };
        db.Outbox.AddRange(Enumerable.Range(0, 20).Select(Message));
        part.Outbox.AddRange(Enumerable.Range(20, 30).Select(Message));
        part.Journal.Add(new JournalEntryRecord { InstanceId = Guid.NewGuid(), StepId = "apply", Event = "completed", At = At });

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await BulkInsert.TryWriteAddedAsync(db, [db, part], CancellationToken.None));
            await transaction.RollbackAsync(); // the parts' rows went into this transaction: rolled back with it
        }
        Assert.Equal(0, await db.Outbox.AsNoTracking().CountAsync());
        Assert.Empty(part.ChangeTracker.Entries());

        part.Outbox.AddRange(Enumerable.Range(50, 5).Select(Message));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await BulkInsert.TryWriteAddedAsync(db, [db, part], CancellationToken.None));
            await transaction.CommitAsync();
        }
        Assert.Equal(5, await db.Outbox.AsNoTracking().CountAsync());
    }

    [Fact]
    public async Task Should_refuse_to_write_outside_the_callers_transaction()
    {
        var options = TestDatabases.NewSqlite();
        await using var db = await TestDatabases.MigratedAsync(options);
        var message = new OutboxMessageRecord { Id = Guid.NewGuid(), Kind = "notification", PayloadJson = "{}", DueAt = At, CreatedAt = At };

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.WriteAsync(db, [message], CancellationToken.None));
        Assert.Equal(0, await db.Outbox.AsNoTracking().CountAsync());
    }
}
