using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Benchmarks;

/// <summary>
/// Load driver for the officials' workspace on a real SQLite file: queue pages with N open tasks in one role and unit
/// (the worst case: every task visible to the official), then one bulk completion of M real tasks of the demo procedure.
/// </summary>
public static class TasksSqliteDriver
{
    private static readonly OfficialScope Official = new("bench-official", "Cán bộ Thử", ["department-officer"], "sgd-01", "127.0.0.1");

    public static async Task<int> RunAsync(string[] args)
    {
        var open = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var bulkCount = args.Length > 1 ? int.Parse(args[1]) : 600;
        var folder = Directory.CreateTempSubdirectory("ps-bench-tasks-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataPath"] = folder }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlatform(configuration, EngineSqliteDriver.FindRepoRoot());
        await using var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            await scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(default);
        }

        var seeding = Stopwatch.StartNew();
        await SeedOpenTasksAsync(provider, open);
        Console.WriteLine($"seeded {open:N0} open tasks in {seeding.Elapsed.TotalSeconds:F1} s");
        await MeasureQueueAsync(provider, "first page (50, by due date)", new TaskQuery());
        await MeasureQueueAsync(provider, "overdue view", new TaskQuery { View = TaskView.Overdue });
        await MeasureQueueAsync(provider, "keyword 'nguyen van 4711'", new TaskQuery { Keyword = "nguyen van 4711" });
        await MeasureQueueAsync(provider, "page 500 by cursor", await CursorOfPageAsync(provider, 500));
        await MeasureCountAsync(provider);

        var ids = await CreateRealTasksAsync(provider, bulkCount);
        using (var scope = provider.CreateScope())
        {
            var started = Stopwatch.StartNew();
            var results = await scope.ServiceProvider.GetRequiredService<BulkCompletion>().RunAsync(Official, ids, "refuse", "Không có tên trong sổ gốc.", null, default);
            started.Stop();
            Console.WriteLine($"bulk completion of {ids.Count} tasks: {started.Elapsed.TotalSeconds:F2} s end to end, " +
                              $"{results.Count(r => r.Status == TaskActionStatus.Done)} done, {ids.Count / started.Elapsed.TotalSeconds:F0} tasks/s");
        }
        return 0;
    }

    /// <summary>Queue rows written directly (the projection the engine writes), in one transaction: this measures reads.</summary>
    private static async Task SeedOpenTasksAsync(ServiceProvider provider, int count)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var random = new Random(42);
        var version = scope.ServiceProvider.GetRequiredService<DefinitionRegistry>().Latest("diploma-copy")!.Version;
        for (var i = 0; i < count; i++)
        {
            var due = now.AddHours(random.Next(-72, 24 * 20));
            var name = $"Nguyễn Văn {i}";
            var task = new TaskRecord
            {
                Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), ProcedureId = "diploma-copy", ProcedureVersion = version, StepId = "review",
                Role = "department-officer", UnitCode = "sgd-01", DossierCode = $"SGD-01-260401-{i:D6}", ApplicantName = name,
                Cccd = $"001{i:D9}", SearchText = $"sgd-01-260401-{i:D6} nguyen van {i} 001{i:D9}", SubmittedAt = now.AddDays(-random.Next(0, 30)),
                CreatedAt = now, DueAt = due, QueueOrder = due,
            };
            db.Tasks.Add(task);
            if (i % 10_000 == 9_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
    }

    private static async Task MeasureQueueAsync(ServiceProvider provider, string name, TaskQuery query)
    {
        var latencies = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            using var scope = provider.CreateScope();
            var started = Stopwatch.GetTimestamp();
            var page = await scope.ServiceProvider.GetRequiredService<TaskQueue>().PageAsync(Official, query, default);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (page.Items.Count == 0)
                throw new InvalidOperationException($"{name}: empty page");
        }
        Report($"queue page, {name}", latencies);
    }

    private static async Task MeasureCountAsync(ServiceProvider provider)
    {
        var latencies = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            using var scope = provider.CreateScope();
            var started = Stopwatch.GetTimestamp();
            await scope.ServiceProvider.GetRequiredService<TaskQueue>().CountAsync(Official, new TaskQuery(), default);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Report("queue total count", latencies);
    }

    private static async Task<TaskQuery> CursorOfPageAsync(ServiceProvider provider, int page)
    {
        var query = new TaskQuery();
        using var scope = provider.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<TaskQueue>();
        for (var i = 1; i < page; i++)
            query = query with { After = (await queue.PageAsync(Official, query, default)).Next };
        return query;
    }

    /// <summary>Real instances of the demo procedure brought to the officials' review (form submitted, fee paid), 100 per commit.</summary>
    private static async Task<IReadOnlyList<Guid>> CreateRealTasksAsync(ServiceProvider provider, int count)
    {
        var application = new JsonObject
        {
            ["fullName"] = "Nguyễn Thị Hồng Nhung", ["dateOfBirth"] = "2007-03-15", ["cccd"] = "001307012345", ["phone"] = "0912345678",
            ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = 2025, ["copies"] = 1, ["delivery"] = "pickup", ["idCard"] = new JsonArray(),
        };
        var ids = new List<Guid>();
        for (var done = 0; done < count; done += 100)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            for (var i = done; i < Math.Min(count, done + 100); i++)
            {
                var started = engine.Start("diploma-copy", new JsonObject { ["dossier"] = new JsonObject { ["code"] = $"BULK-{i:D6}" } }, "applicant");
                var form = started.Run!.Opened.Single();
                var submitted = engine.Resume(started.Instance!, new Stimulus(form.Id, BookmarkKinds.Form, "submitted", "applicant") { Payload = (JsonObject)application.DeepClone() });
                var pay = submitted.Run!.Opened.Single(b => b.Kind == BookmarkKinds.Payment);
                var paid = engine.Resume(started.Instance!, new Stimulus(pay.Id, BookmarkKinds.Payment, "paid", "gateway"));
                ids.Add(paid.Run!.Opened.Single(b => b.Kind == BookmarkKinds.Task).Id);
            }
            await db.SaveChangesAsync();
        }
        return ids;
    }

    private static void Report(string name, List<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        Console.WriteLine($"{name}: p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms ({latencies.Count} runs)");
    }
}
