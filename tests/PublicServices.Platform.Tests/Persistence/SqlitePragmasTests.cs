using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task Should_wait_on_a_busy_file_inside_sqlite_and_sync_every_commit_unless_the_work_is_relaxed()
    {
        var options = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }

        await using (var ordinary = TestDatabases.Context(options))
        {
            Assert.Equal(2, await PragmaAsync(ordinary, "synchronous")); // FULL
            Assert.Equal(30_000, await PragmaAsync(ordinary, "busy_timeout"));
        }
        await using (var relaxed = TestDatabases.Context(options))
        {
            relaxed.RelaxedDurability = true;
            Assert.Equal(1, await PragmaAsync(relaxed, "synchronous")); // NORMAL
        }
        // The pooled connection the relaxed context used is FULL again for the next ordinary context.
        await using (var next = TestDatabases.Context(options))
            Assert.Equal(2, await PragmaAsync(next, "synchronous"));
    }

    private static async Task<long> PragmaAsync(AppDbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
