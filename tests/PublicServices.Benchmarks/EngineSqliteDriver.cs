using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Tests.Runtime;

namespace PublicServices.Benchmarks;

/// <summary>
/// Load driver for the engine on a real SQLite file, in process, one transaction per engine call (as in production):
/// starts N instances to their first wait, then resumes each to its next wait. Prints throughput and latency.
/// </summary>
public static class EngineSqliteDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 5000;
        var folder = Directory.CreateTempSubdirectory("ps-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataPath"] = folder,
            ["Database:SqliteSynchronous"] = Environment.GetEnvironmentVariable("BENCH_SQLITE_SYNCHRONOUS") ?? "FULL",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlatform(configuration, FindRepoRoot());
        await using var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db);
        }
        provider.GetRequiredService<DefinitionRegistry>().Add(TestEngine.Application());

        var ids = new List<Guid>(count);
        var startLatencies = await MeasureAsync(count, async _ =>
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outcome = scope.ServiceProvider.GetRequiredService<WorkflowEngine>().Start("demo", new JsonObject { ["name"] = "Nguyễn Văn An" }, "applicant");
            await db.SaveChangesAsync();
            ids.Add(outcome.Instance!.Id);
        });
        Report("start → first wait (1 transaction each)", startLatencies);

        var bookmarks = new List<(Guid Id, string Kind)>(count);
        using (var scope = provider.CreateScope())
            bookmarks.AddRange((await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookmarks.AsNoTracking()
                .Select(b => new { b.Id, b.Kind }).ToListAsync()).Select(b => (b.Id, b.Kind)));
        var resumeLatencies = await MeasureAsync(bookmarks.Count, async i =>
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (id, kind) = bookmarks[i];
            var outcome = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                .ResumeAsync(new Stimulus(id, kind, "submitted", "applicant") { Payload = new JsonObject { ["name"] = "An" } }, default);
            if (outcome.Refused)
                throw new InvalidOperationException(outcome.Refusal!.Message);
            await db.SaveChangesAsync();
        });
        Report("resume → next wait (1 transaction each)", resumeLatencies);
        // Batch stimuli (signals, bulk decisions) commit a chunk of engine calls together.
        const int chunk = 100;
        var batched = Stopwatch.StartNew();
        for (var done = 0; done < count; done += chunk)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            for (var i = 0; i < chunk; i++)
                engine.Start("demo", new JsonObject { ["name"] = "Nguyễn Văn An" }, "applicant");
            await db.SaveChangesAsync();
        }
        batched.Stop();
        Console.WriteLine($"start → first wait ({chunk} per transaction): {count / batched.Elapsed.TotalSeconds:F0}/s (one thread)");
        Console.WriteLine($"database: {new FileInfo(Path.Combine(folder, "publicservices.db")).Length / 1024} KB for {count} instances; managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        return 0;
    }

    private static async Task<double[]> MeasureAsync(int count, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        total.Stop();
        Console.WriteLine($"  {count} operations in {total.Elapsed.TotalSeconds:F2} s");
        return latencies;
    }

    private static void Report(string name, double[] latencies)
    {
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        var perSecond = latencies.Length / (latencies.Sum() / 1000);
        Console.WriteLine($"{name}: {perSecond:F0}/s (one thread), p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms");
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicServices.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
