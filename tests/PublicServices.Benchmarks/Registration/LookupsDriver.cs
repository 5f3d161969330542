using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// The morning of publication: anonymous result look-ups (<c>GET /api/v1/results/{exam}/{number}</c>) over real HTTP at
/// fixed concurrency, against a portal process holding <c>--candidates</c> results published a minute ago. Numbers are
/// drawn at random over the whole cohort, so the cache warms as it would (each number read a few times). Not measured:
/// writing the results (directly into the dataset, as <c>scores import</c> leaves them) and scheduling the publication.
/// </summary>
public static class LookupsDriver
{
    private const int Exam = 2027;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = SubmissionsDriver.Option(args, "--count", 100_000);
        var candidates = SubmissionsDriver.Option(args, "--candidates", 200_000);
        var concurrency = SubmissionsDriver.Option(args, "--concurrency", 64);
        var postgres = args.Contains("--postgres");

        var preparing = Stopwatch.StartNew();
        // The per-address limit protects the real site; the driver is one address asking for everyone.
        await using var portal = await BenchPortal.CreateAsync(postgres, "NORMAL", new Dictionary<string, string?> { ["RateLimits:ResultsPerMinute"] = "100000000" });
        using (var scope = portal.Services.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var from = 0; from < candidates; from += 10_000)
            {
                for (var i = from; i < Math.Min(candidates, from + 10_000); i++)
                    db.DatasetRecords.Add(new DatasetRecord
                    {
                        Dataset = ExamResults.DatasetOf(Exam), Key = Number(i),
                        DataJson = $$"""{"scores":{"TOAN":{{Score(i, 1)}},"VAN":{{Score(i, 2)}},"LI":{{Score(i, 3)}},"N1":{{Score(i, 4)}}},"record":7.1}""",
                    });
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            await scope.ServiceProvider.GetRequiredService<ResultPublication>().ScheduleAsync(Exam, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        }
        Console.WriteLine($"prepared {candidates:N0} published results in {preparing.Elapsed.TotalSeconds:F1} s ({(postgres ? "PostgreSQL" : "SQLite")})");

        await using var server = await portal.StartPortalAsync(workers: false);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false,
        }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(1) };
        var random = new Random(2027);
        var picks = Enumerable.Range(0, count * 2).Select(_ => random.Next(candidates)).ToArray();
        HttpRequestMessage Lookup(int n) => new(HttpMethod.Get, $"/api/v1/results/{Exam}/{Number(picks[n])}");

        var warm = await SubmissionsDriver.DriveAsync(client, Lookup, HttpStatusCode.OK, 0, Math.Min(count, 5_000), concurrency);
        Console.WriteLine($"warm-up: {Math.Min(count, 5_000):N0} in {warm.Elapsed.TotalSeconds:F1} s, {warm.Errors} errors");
        var cpuBefore = server.CpuTime;
        var run = await SubmissionsDriver.DriveAsync(client, Lookup, HttpStatusCode.OK, count, count, concurrency);
        var cpu = server.CpuTime - cpuBefore;
        SubmissionsDriver.Report("look-ups", run, count, concurrency, server);
        Console.WriteLine($"CPU per look-up: portal {cpu.TotalMilliseconds / count:F3} ms; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (2 cores)");
        if (run.Errors > 0)
            Console.WriteLine($"first errors: {string.Join(" | ", run.FirstErrors.Take(3))}; portal log {server.Log}");
        return run.Errors == 0 ? 0 : 1;
    }

    private static string Number(int i) => $"{1 + i % 64:D2}{i / 64 + 1:D6}";

    private static string Score(int i, int paper) => ((i * 7 + paper * 13) % 41 * 0.25).ToString(CultureInfo.InvariantCulture);
}
