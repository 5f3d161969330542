using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>
/// The hand-written migration scripts must produce exactly the schema EF Core derives from the model
/// (EnsureCreated on a second, empty database), on both providers.
/// </summary>
public sealed class SchemaMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_produce_the_schema_the_model_expects(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabases.MigratedAsync(await TestDatabases.NewAsync(provider));
        await using var expected = TestDatabases.Context(await TestDatabases.NewAsync(provider));
        await expected.Database.EnsureCreatedAsync();

        var actual = await SchemaSnapshot.ReadAsync(migrated, provider);
        var wanted = await SchemaSnapshot.ReadAsync(expected, provider);

        // The keyword index of tasks is what the model cannot express (0002_task_search.sql): checked on its own.
        var search = actual.Where(IsTaskSearch).ToList();
        Assert.NotEmpty(wanted);
        Assert.DoesNotContain(wanted, IsTaskSearch);
        Assert.Equal(string.Join("\n", wanted), string.Join("\n", actual.Where(l => !IsTaskSearch(l))));
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("column task_search.SearchText  notnull=0 pk=0 default=", search);
            Assert.Equal(["trigger tasks.tasks_search_delete", "trigger tasks.tasks_search_insert", "trigger tasks.tasks_search_update"],
                search.Where(l => l.StartsWith("trigger ", StringComparison.Ordinal)));
        }
        else
            Assert.Equal(["index tasks.IX_tasks_search CREATE INDEX \"IX_tasks_search\" ON public.tasks USING gin (array_to_tsvector(array_remove(string_to_array((\"SearchText\")::text, ' '::text), ''::text)))"],
                search);
    }

    private static bool IsTaskSearch(string line) => line.Contains("task_search", StringComparison.Ordinal) || line.Contains("tasks_search", StringComparison.Ordinal);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_apply_each_script_once_when_run_again(DatabaseProvider provider)
    {
        var options = await TestDatabases.NewAsync(provider);
        await using var db = TestDatabases.Context(options);
        var migrator = new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.MigrateAsync(db);
        var second = await migrator.MigrateAsync(db);

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Id), first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Should_migrate_safely_when_two_nodes_start_at_once_on_postgres()
    {
        var options = await TestDatabases.NewPostgresAsync();
        await using var a = TestDatabases.Context(options);
        await using var b = TestDatabases.Context(options);

        var results = await Task.WhenAll(
            new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(a),
            new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(b));

        Assert.Equal(SchemaMigrator.Scripts(DatabaseProvider.Postgres).Count, results.Sum(r => r.Count));
    }

    [Fact]
    public async Task Should_use_write_ahead_logging_on_sqlite()
    {
        await using var db = await TestDatabases.MigratedAsync(TestDatabases.NewSqlite());
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
