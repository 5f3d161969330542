using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tests.Persistence;
using PublicServices.Workflows.Calendar;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Tests.Runtime;

namespace PublicServices.Platform.Tests.Engine;

/// <summary>The Platform services on a fresh, migrated database of either provider, with a controllable clock.</summary>
public sealed class TestPlatform : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(TestEngine.Monday);
    public ServiceProvider Services { get; }
    public DatabaseOptions Database { get; }

    private TestPlatform(DatabaseOptions database, IEnumerable<WorkflowDefinition> definitions)
    {
        Database = database;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:DataPath"] = database.DataPath,
            ["ConnectionStrings:Default"] = database.ConnectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlatform(configuration, RepoRoot());
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IWorkingCalendar, WeekendOnlyCalendar>();
        services.AddSingleton(new WorkerOptions { Lease = TimeSpan.FromMinutes(2), BatchSize = 10, NodeName = "test" });
        Services = services.BuildServiceProvider();
        var registry = Services.GetRequiredService<DefinitionRegistry>();
        foreach (var definition in definitions)
            registry.Add(definition);
    }

    public static async Task<TestPlatform> CreateAsync(DatabaseProvider provider, params WorkflowDefinition[] definitions)
    {
        var database = await TestDatabases.NewAsync(provider);
        await (await TestDatabases.MigratedAsync(database)).DisposeAsync();
        return new TestPlatform(database, definitions);
    }

    public AppDbContext NewContext() => TestDatabases.Context(Database);

    private static string RepoRoot() => PublicServices.Tests.RepoPaths.Root;

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
