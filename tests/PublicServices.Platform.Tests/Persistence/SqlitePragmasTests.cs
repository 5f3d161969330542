using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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

    [Fact]
    public async Task Should_give_a_pooled_context_back_with_ordinary_durability()
    {
        var options = TestDatabases.NewSqlite();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataPath"] = options.DataPath, ["ConnectionStrings:Default"] = options.ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddPlatformPersistence(configuration, options.DataPath).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var migrated = factory.CreateDbContext())
            await new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(migrated);

        AppDbContext first;
        await using (first = factory.CreateDbContext())
        {
            first.RelaxedDurability = true;
            Assert.Equal(1, await PragmaAsync(first, "synchronous"));
        }
        await using var next = factory.CreateDbContext();

        Assert.Same(first, next); // the pool gave the same context back
        Assert.False(next.RelaxedDurability);
        Assert.Equal(2, await PragmaAsync(next, "synchronous"));
    }

    [Fact]
    public async Task Should_not_send_the_same_settings_again_to_a_pooled_connection_but_send_changed_ones()
    {
        var options = TestDatabases.NewSqlite();
        await using (await TestDatabases.MigratedAsync(options)) { }
        await using (var first = TestDatabases.Context(options))
        {
            Assert.Equal(-32_768, await PragmaAsync(first, "cache_size"));
            await first.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-100;"); // marks the pooled handle
        }
        // Same settings wanted: the pooled handle is taken as it is (the mark shows nothing was sent).
        await using (var same = TestDatabases.Context(options))
            Assert.Equal(-100, await PragmaAsync(same, "cache_size"));
        // Other settings wanted (relaxed durability): everything is sent again, the mark is gone.
        await using (var relaxed = TestDatabases.Context(options))
        {
            relaxed.RelaxedDurability = true;
            Assert.Equal(-32_768, await PragmaAsync(relaxed, "cache_size"));
            Assert.Equal(1, await PragmaAsync(relaxed, "synchronous"));
        }
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
