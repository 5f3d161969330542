using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PublicServices.Platform;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Benchmarks;

/// <summary>
/// The two batch signals of the real exam procedure (<c>workflows/exam-registration.yaml</c>) at scale, in process:
/// prepares N instances waiting at <c>locked-wait</c> through <see cref="WorkflowEngine"/> (registration submitted, the
/// school's or the site's check verified; not measured), then measures (a) the <c>registration-locked</c> broadcast
/// (numbering → rooms → admission notice asked through the outbox), (b) the score import of a CSV for every candidate
/// (<see cref="ScoreImport"/>) and (c) the <c>results-published</c> broadcast with each candidate's record (sat → grading
/// → result certificate asked through the outbox). The admission notices are "issued" in between by resuming their
/// document waits directly (not measured; rendering PDFs is the documents benchmark's business).
/// <code>broadcast [--count 20000] [--chunk 500] [--postgres] [--sync FULL|NORMAL] [--keep] [--pause seconds]</code>
/// PostgreSQL: a fresh database on the server of PUBLICSERVICES_TEST_POSTGRES (<c>source /tmp/pgenv</c>).
/// </summary>
public static class BroadcastDriver
{
    private const string Procedure = "exam-registration";
    private const int Cohort = 1_200_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntArg(args, "--count", 20_000);
        var chunk = IntArg(args, "--chunk", ScheduledBroadcastWork.ChunkSize);
        var postgres = args.Contains("--postgres");
        var sync = StringArg(args, "--sync") ?? "FULL";
        var folder = Directory.CreateTempSubdirectory("ps-broadcast-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataPath"] = folder,
            ["Database:SqliteSynchronous"] = sync,
        };
        string? pgDatabase = null;
        if (postgres)
        {
            var server = Environment.GetEnvironmentVariable("PUBLICSERVICES_TEST_POSTGRES")
                         ?? throw new InvalidOperationException("PUBLICSERVICES_TEST_POSTGRES is not set (source /tmp/pgenv)");
            pgDatabase = "ps_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", connection);
                await create.ExecuteNonQueryAsync();
            }
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ToString();
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPlatform(configuration, EngineSqliteDriver.FindRepoRoot());
        await using var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db);
            await scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(default);
        }
        Console.WriteLine($"broadcast driver: {count:N0} instances of {Procedure}, chunks of {chunk}, {(postgres ? "PostgreSQL " + pgDatabase : $"SQLite synchronous={sync} in {folder}")}, " +
                          $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");

        var prepare = Stopwatch.StartNew();
        await PrepareAsync(provider, count);
        Console.WriteLine($"prepared {count:N0} instances at locked-wait in {prepare.Elapsed.TotalSeconds:F1} s (not measured); {await SizeAsync(provider, folder)}");
        var before = await CountsAsync(provider);
        if (IntArg(args, "--pause", 0) is > 0 and var pause)
        {
            Console.WriteLine($"pid {Environment.ProcessId}: pausing {pause} s (attach a profiler now)");
            await Task.Delay(TimeSpan.FromSeconds(pause));
        }

        // (a) lock: numbering → rooms → notice (document wait + outbox message).
        var locked = await BroadcastAsync(provider, "registration-locked", "2027", chunk);
        var afterLock = await CountsAsync(provider);
        Report("(a) registration-locked (numbers, rooms, admission notice asked)", count, locked, before, afterLock);

        await IssueNoticesAsync(provider);   // not measured

        // (b) scores: one CSV, 4 papers and the record average per candidate, through ScoreImport.
        var file = await WriteScoresAsync(provider, folder);
        ResetPeak();
        var import = Stopwatch.StartNew();
        ScoreImportResult imported;
        using (var scope = provider.CreateScope())
            imported = await scope.ServiceProvider.GetRequiredService<ScoreImport>().RunAsync(new ScoreImportOptions(2027, file), null, default);
        import.Stop();
        if (imported.Outcome != ScoreImportOutcome.Imported)
            throw new InvalidOperationException($"score import: {imported.Outcome} {string.Join("; ", imported.Problems.Take(5))}");
        Console.WriteLine($"(b) score import: {imported.Rows:N0} rows, {imported.Written:N0} candidates in {import.Elapsed.TotalSeconds:F1} s = {imported.Written / import.Elapsed.TotalSeconds:N0} candidates/s " +
                          $"(1.2 M: {Extrapolate(imported.Written, import.Elapsed)}); peak RSS {PeakRssMb()} MB");

        // (c) publish: sat → grading → certificate (document wait + outbox message).
        var beforePublish = await CountsAsync(provider);
        if (IntArg(args, "--pause", 0) is > 0 and var pauseAgain)
        {
            Console.WriteLine($"pid {Environment.ProcessId}: pausing {pauseAgain} s before publishing (attach a profiler now)");
            await Task.Delay(TimeSpan.FromSeconds(pauseAgain));
        }
        var published = await BroadcastAsync(provider, "results-published", "2027", chunk);
        var afterPublish = await CountsAsync(provider);
        Report("(c) results-published with data (sat, grading, certificate asked)", count, published, beforePublish, afterPublish);
        await CheckGradesAsync(provider, count);
        Console.WriteLine($"end: {await SizeAsync(provider, folder)}; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        if (!args.Contains("--keep"))
        {
            if (postgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PUBLICSERVICES_TEST_POSTGRES"));
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            Directory.Delete(folder, true);
        }
        return 0;
    }

    private sealed record Counts(long Journal, long Outbox, long Bookmarks, long Sequences);

    private sealed record Timing(TimeSpan Elapsed, long Processed, long Refused, long PeakRssMb, double CpuSeconds);

    private static async Task<Timing> BroadcastAsync(ServiceProvider provider, string signal, string key, int chunk)
    {
        ResetPeak();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Guid job;
        using (var scope = provider.CreateScope())
            job = await scope.ServiceProvider.GetRequiredService<SignalBroadcaster>().StartAsync(signal, key, default);
        BatchJobRecord done;
        using (var scope = provider.CreateScope())
            done = await scope.ServiceProvider.GetRequiredService<SignalBroadcaster>().RunAsync(job, chunk, null, default);
        watch.Stop();
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (done.Status != BatchJobStatus.Completed)
            throw new InvalidOperationException($"{signal}: job ended {done.Status}");
        return new Timing(watch.Elapsed, done.Processed, done.Refused, PeakRssMb(), used);
    }

    private static void Report(string name, int count, Timing timing, Counts before, Counts after)
    {
        var rate = timing.Processed / timing.Elapsed.TotalSeconds;
        Console.WriteLine($"{name}: {timing.Processed:N0} instances ({timing.Refused} refused) in {timing.Elapsed.TotalSeconds:F1} s = {rate:N0}/s; " +
                          $"1.2 M: {Extrapolate(timing.Processed, timing.Elapsed)}; CPU {timing.CpuSeconds:F1} s ({timing.CpuSeconds / timing.Elapsed.TotalSeconds:F2} cores); " +
                          $"peak RSS {timing.PeakRssMb} MB");
        Console.WriteLine($"    per instance: {(after.Journal - before.Journal) / (double)count:F2} journal rows, {(after.Outbox - before.Outbox) / (double)count:F2} outbox rows; " +
                          $"bookmarks {before.Bookmarks:N0} → {after.Bookmarks:N0}; sequences {after.Sequences}");
    }

    private static string Extrapolate(long processed, TimeSpan elapsed)
    {
        var seconds = Cohort / (processed / elapsed.TotalSeconds);
        return $"{seconds / 60:F1} min";
    }

    /// <summary>Registrations submitted and verified, 1,000 instances per transaction: 90 % grade-12 students (school
    /// check), 10 % free candidates (site check); 63 councils, 40 schools each.</summary>
    private static async Task PrepareAsync(ServiceProvider provider, int count)
    {
        const int perTransaction = 1000;
        for (var done = 0; done < count; done += perTransaction)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            for (var i = done; i < Math.Min(count, done + perTransaction); i++)
            {
                var started = engine.Start(Procedure, null, "applicant");
                var instance = started.Instance!;
                var form = started.Run!.Opened.Single();
                var submitted = engine.Resume(instance, new Stimulus(form.Id, form.Kind, "submitted", "applicant") { Payload = Registration(i) });
                var check = submitted.Run!.Opened.Single(b => b.Kind == BookmarkKinds.Task);
                var verified = engine.Resume(instance, new Stimulus(check.Id, check.Kind, "verify", "official"));
                if (verified.Refused || verified.Run!.Opened.Single().StepId != "locked-wait")
                    throw new InvalidOperationException($"instance {i} did not reach locked-wait: {verified.Refusal?.Message}");
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }

    private static JsonObject Registration(int i)
    {
        var council = (i % 63 + 1).ToString("00", CultureInfo.InvariantCulture);
        var school = $"{council}-{i / 63 % 40 + 1:000}";
        var category = i % 10 == 9 ? "b" : "a";
        return new JsonObject
        {
            ["fullName"] = $"Nguyễn Thị Thí Sinh {i}", ["dateOfBirth"] = "2009-03-15", ["gender"] = i % 2 == 0 ? "female" : "male",
            ["cccd"] = $"001{i % 2}09{i:000000}", ["birthProvince"] = "001", ["ethnicity"] = "01", ["phone"] = "0912345678",
            ["email"] = $"thisinh{i}@example.com", ["residenceProvince"] = "001", ["residenceCommune"] = "Phường Ba Đình",
            ["council"] = council, ["category"] = category, ["school10"] = school, ["school11"] = school, ["school12"] = school,
            ["priorityArea"] = (i % 4) switch { 0 => "KV1", 1 => "KV2-NT", 2 => "KV2", _ => "KV3" },
            ["priorityGroup"] = i % 17 == 0 ? "UT2" : "none",
            ["electives"] = new JsonArray("LI", "NN"), ["foreignLanguage"] = "N1",
            ["contactAddress"] = "Số 1 phố Hàng Bài, Hoàn Kiếm, Hà Nội",
        };
    }

    /// <summary>What the document issuing handler does once a notice is rendered: resumes the wait with the document.</summary>
    internal static async Task IssueNoticesAsync(IServiceProvider provider)
    {
        var watch = Stopwatch.StartNew();
        var issued = 0;
        var after = Guid.Empty;
        while (true)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            // As a batch signal's chunk: rows in multi-row statements, and the next chunk found after the last id (keyset),
            // not by scanning past the waits already closed.
            var bulk = engine.Bulk = new BulkRows();
            // The notice's wait key (its template) makes the (Kind, Key, Id) index give the waits in id order without a sort.
            var waits = await db.Bookmarks.AsNoTracking()
                .Where(b => b.Kind == BookmarkKinds.Document && b.Key == "admission-notice" && b.StepId == "notice" && b.Id.CompareTo(after) > 0)
                .OrderBy(b => b.Id).Select(b => new { b.Id, b.InstanceId }).Take(1000).ToListAsync();
            if (waits.Count == 0)
                break;
            after = waits[^1].Id;
            var ids = waits.Select(w => w.InstanceId).ToList();
            var instances = await db.Instances.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
            foreach (var wait in waits)
            {
                var outcome = engine.Resume(instances[wait.InstanceId], new Stimulus(wait.Id, BookmarkKinds.Document, "done", "system:documents")
                {
                    Payload = new JsonObject { ["documentId"] = Guid.NewGuid(), ["number"] = $"{++issued}/GBDT", ["code"] = "BENCH" },
                });
                if (outcome.Refused)
                    throw new InvalidOperationException(outcome.Refusal!.Message);
            }
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await bulk.WriteAsync(db, default);
            await transaction.CommitAsync();
        }
        using (var scope = provider.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Done));
        Console.WriteLine($"admission notices issued (document waits resumed, outbox marked done) in {watch.Elapsed.TotalSeconds:F1} s (not measured)");
    }

    internal static async Task<string> WriteScoresAsync(IServiceProvider provider, string folder)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var numbers = await db.Bookmarks.AsNoTracking().Where(b => b.DataKey != null).Select(b => b.DataKey!).ToListAsync();
        var path = Path.Combine(folder, "scores-2027.csv");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("candidate_number,subject,score");
        var random = new Random(2027);
        foreach (var number in numbers)
        {
            foreach (var subject in new[] { "TOAN", "VAN", "LI", "N1" })
                await writer.WriteLineAsync($"{number},{subject},{random.Next(0, 41) * 0.25:0.##}");
            await writer.WriteLineAsync($"{number},DTB,{random.Next(500, 1000) / 100.0:0.##}");
        }
        return path;
    }

    private static async Task CheckGradesAsync(ServiceProvider provider, int count)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var waiting = await db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Document && b.StepId == "certificate");
        var sample = await db.Instances.AsNoTracking().OrderBy(i => i.Id).Select(i => i.StateJson).FirstAsync();
        var stateBytes = await db.Instances.AverageAsync(i => (double)i.StateJson.Length);
        var journalled = await db.Journal.CountAsync(j => j.InstanceId == db.Instances.OrderBy(i => i.Id).Select(i => i.Id).First());
        Console.WriteLine($"state JSON: {stateBytes:N0} characters on average; journal of one instance: {journalled} lines");
        var grading = JsonNode.Parse(sample)!["variables"]!["grading"];
        Console.WriteLine($"check: {waiting:N0} of {count:N0} instances wait for their result certificate; one grading: {grading?.ToJsonString()}");
        if (waiting != count || grading?["score"] is null)
            throw new InvalidOperationException("the results broadcast did not grade every instance");
    }

    private static async Task<Counts> CountsAsync(ServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Counts(await db.Journal.LongCountAsync(), await db.Outbox.LongCountAsync(), await db.Bookmarks.LongCountAsync(), await db.Sequences.LongCountAsync());
    }

    private static async Task<string> SizeAsync(ServiceProvider provider, string folder)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsNpgsql())
        {
            var bytes = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
            return $"database {bytes / 1024 / 1024} MB";
        }
        var size = Directory.GetFiles(folder, "publicservices.db*").Sum(f => new FileInfo(f).Length);
        return $"database {size / 1024 / 1024} MB (with WAL)";
    }

    /// <summary>Resets the kernel's peak RSS (VmHWM) so each phase reports its own.</summary>
    private static void ResetPeak()
    {
        GC.Collect();
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static long PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        StringArg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringArg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
