using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// Registration submissions end to end over real HTTP: the portal runs as its own process (Kestrel on a loopback port,
/// Release build) on a fresh database; N applicant accounts and their bearer tokens are prepared beforehand (not
/// measured); then <c>POST /api/v1/dossiers</c> (one-shot submit with an idempotency key) is driven at a fixed
/// concurrency. Prints throughput, latency percentiles, errors, the portal's peak RSS, and checks in the database that
/// every accepted submission is a committed dossier whose instance waits at an open task.
/// <code>submissions [--count 20000] [--concurrency 64] [--warmup 2000] [--postgres] [--synchronous FULL|NORMAL] [--no-workers]</code>
/// </summary>
public static class SubmissionsDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 20_000);
        var concurrency = Option(args, "--concurrency", 64);
        var warmup = Option(args, "--warmup", Math.Min(2_000, Math.Max(200, count / 10)));
        var postgres = args.Contains("--postgres");
        var synchronous = OptionText(args, "--synchronous", "FULL");
        var workers = !args.Contains("--no-workers");

        var preparing = Stopwatch.StartNew();
        await using var portal = await BenchPortal.CreateAsync(postgres, synchronous);
        var accounts = await portal.CreateApplicantsAsync(warmup + count, "ts");
        Console.WriteLine($"  accounts {preparing.Elapsed.TotalSeconds:F1} s");
        var tokens = await portal.MintTokensAsync(accounts);
        Console.WriteLine($"  tokens {preparing.Elapsed.TotalSeconds:F1} s");
        // Bodies are made before the clock starts, so the driver's CPU goes to HTTP, not to Bogus.
        var bodies = Enumerable.Range(0, warmup + count).Select(i => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["procedureId"] = RegistrationScenario.ProcedureId, ["data"] = RegistrationScenario.Application(i), ["declaration"] = true,
        }.ToJsonString())).ToArray();
        Console.WriteLine($"prepared {warmup + count:N0} accounts, tokens and bodies in {preparing.Elapsed.TotalSeconds:F1} s " +
                          $"({(postgres ? "PostgreSQL" : $"SQLite synchronous={synchronous}")}, workers {(workers ? "on" : "off")}, folder {portal.Folder})");

        await using var server = await portal.StartPortalAsync(workers);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false,
        }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };

        HttpRequestMessage Submission(int n)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new ByteArrayContent(bodies[n]) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[n]);
            request.Headers.Add("Idempotency-Key", $"bench-{n}");
            return request;
        }
        var warm = await DriveAsync(client, Submission, HttpStatusCode.Created, 0, warmup, concurrency);
        Console.WriteLine($"warm-up: {warmup:N0} in {warm.Elapsed.TotalSeconds:F1} s, {warm.Errors} errors");
        var cpuBefore = server.CpuTime;
        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await DriveAsync(client, Submission, HttpStatusCode.Created, warmup, count, concurrency);
        var cpu = server.CpuTime - cpuBefore;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore;
        Report("submissions", run, count, concurrency, server);
        Console.WriteLine($"CPU per submission: portal {cpu.TotalMilliseconds / count:F2} ms (≈ {count / cpu.TotalSeconds:F0}/s per core), " +
                          $"driver {driverCpu.TotalMilliseconds / count:F2} ms; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (2 cores)");

        // Committed and where they should be: one dossier per accepted request, each instance waiting at its open task.
        using var scope = portal.Services.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dossiers = await db.Dossiers.CountAsync(d => d.ProcedureId == RegistrationScenario.ProcedureId);
        var tasks = await db.Tasks.CountAsync(t => t.ProcedureId == RegistrationScenario.ProcedureId);
        var codes = await db.Dossiers.Where(d => d.ProcedureId == RegistrationScenario.ProcedureId).Select(d => d.Code).Distinct().CountAsync();
        Console.WriteLine($"database: {dossiers:N0} dossiers ({codes:N0} distinct codes), {tasks:N0} open tasks; expected {warm.Ok + run.Ok:N0}");
        if (warm.Errors + run.Errors > 0)
            Console.WriteLine($"first errors: {string.Join(" | ", warm.FirstErrors.Concat(run.FirstErrors).Take(3))}; portal log {server.Log}");
        return dossiers == warm.Ok + run.Ok && tasks == dossiers && run.Errors == 0 ? 0 : 1;
    }

    internal sealed record Run(double[] Latencies, TimeSpan Elapsed, int Ok, int Errors, IReadOnlyList<string> FirstErrors, int[] PerSecond);

    /// <summary>Sends requests <paramref name="from"/>…<paramref name="from"/>+<paramref name="count"/> made by
    /// <paramref name="make"/> at fixed concurrency; a response other than <paramref name="expected"/> is an error.</summary>
    internal static async Task<Run> DriveAsync(HttpClient client, Func<int, HttpRequestMessage> make, HttpStatusCode expected, int from, int count, int concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        var ok = 0;
        var errors = 0;
        var firstErrors = new List<string>();
        var completions = new long[count];
        var started = Stopwatch.GetTimestamp();
        async Task Worker()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                    return;
                using var request = make(from + i);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == expected)
                        Interlocked.Increment(ref ok);
                    else
                        Fail($"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Fail(e.GetType().Name + ": " + e.Message);
                }
                var now = Stopwatch.GetTimestamp();
                latencies[i] = Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds;
                completions[i] = now;
            }
        }
        void Fail(string message)
        {
            Interlocked.Increment(ref errors);
            lock (firstErrors)
                if (firstErrors.Count < 5)
                    firstErrors.Add(message);
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var perSecond = new int[(int)Math.Ceiling(elapsed.TotalSeconds) + 1];
        foreach (var at in completions)
            perSecond[(int)Stopwatch.GetElapsedTime(started, at).TotalSeconds]++;
        return new Run(latencies, elapsed, ok, errors, firstErrors, perSecond);
    }

    internal static void Report(string what, Run run, int count, int concurrency, PortalProcess server)
    {
        var sorted = run.Latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        // Whole seconds only (the last one is partial): the slowest and fastest second show whether the rate is sustained.
        var full = run.PerSecond.Take(Math.Max(1, (int)run.Elapsed.TotalSeconds)).ToArray();
        Console.WriteLine($"{what}: {count:N0} at concurrency {concurrency} in {run.Elapsed.TotalSeconds:F2} s = {count / run.Elapsed.TotalSeconds:F0}/s " +
                          $"(per second: min {full.Min()}, max {full.Max()}); {run.Errors} errors");
        Console.WriteLine($"latency: p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms");
        Console.WriteLine($"portal peak RSS {server.PeakRssBytes / 1024 / 1024} MB; driver peak RSS {Memory.PeakRss(Environment.ProcessId) / 1024 / 1024} MB");
    }

    internal static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1].Replace("_", "")) : fallback;

    internal static string OptionText(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
