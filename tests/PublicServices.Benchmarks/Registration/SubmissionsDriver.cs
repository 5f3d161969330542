using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// Registration submissions of the real procedure (<c>workflows/exam-registration.yaml</c>) end to end over real HTTP:
/// the portal runs as its own process (Kestrel on a loopback port, Release build) on a fresh database, reading the
/// repository's workflows/ folder with the registration window open and the councils' and schools' units imported.
/// Prepared beforehand (not measured): N applicant accounts and their bearer tokens, N applications (Bogus-seeded, see
/// <see cref="RegistrationScenario"/>), and each applicant's ID photo (400×600 PNG) — plus the certificate's scan for
/// those asking for a language exemption — uploaded through <c>POST /api/v1/attachments</c> at the same concurrency
/// (its rate is printed: candidates make that request too). Measured: <c>POST /api/v1/dossiers</c> (one-shot submit
/// with an idempotency key, the attachment ids in the data) at a fixed concurrency after a warm-up. Prints throughput,
/// latency percentiles, errors, the portal's peak RSS and CPU per submission, and checks in the database that every
/// accepted submission is a committed dossier (distinct codes and unique keys, its files claimed) whose instance waits
/// at the right open task: its grade-12 school's <c>school-check</c> for category a, the council's <c>site-check</c>
/// for b–d (the fee is 0).
/// With <c>--rate N</c> the submissions (the warm-up's too) arrive open loop, N per second on a fixed schedule, each latency counted
/// from its scheduled time (<c>--concurrency</c> senders then send them, each request at its time or, if all are busy,
/// as soon as one is free).
/// <code>submissions [--count 20000] [--concurrency 64] [--warmup 2000] [--rate N] [--postgres] [--synchronous FULL|NORMAL] [--no-workers]</code>
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
        double? rate = args.Contains("--rate") ? Option(args, "--rate", 1_000) : null;
        var total = warmup + count;

        var preparing = Stopwatch.StartNew();
        await using var portal = await BenchPortal.CreateAsync(postgres, synchronous);
        // Applications are made before the clock starts, so the driver's CPU goes to HTTP, not to Bogus.
        var applications = Enumerable.Range(0, total).Select(i => RegistrationScenario.Application(i)).ToArray();
        var accounts = await portal.CreateApplicantsAsync(total, "ts", (i, user) =>
        {
            user.FullName = applications[i]["fullName"]!.GetValue<string>();
            user.Cccd = applications[i]["cccd"]!.GetValue<string>();
            user.DateOfBirth = DateOnly.Parse(applications[i]["dateOfBirth"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            user.PhoneNumber = applications[i]["phone"]!.GetValue<string>();
        });
        Console.WriteLine($"  accounts {preparing.Elapsed.TotalSeconds:F1} s");
        var tokens = await portal.MintTokensAsync(accounts);
        Console.WriteLine($"  tokens {preparing.Elapsed.TotalSeconds:F1} s");
        var categories = applications.GroupBy(a => a["category"]!.GetValue<string>()).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}");
        Console.WriteLine($"prepared {total:N0} accounts, tokens and applications ({string.Join(", ", categories)}) in {preparing.Elapsed.TotalSeconds:F1} s " +
                          $"({(postgres ? "PostgreSQL" : $"SQLite synchronous={synchronous}")}, workers {(workers ? "on" : "off")}, folder {portal.Folder})");

        await using var server = await portal.StartPortalAsync(workers);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false,
        }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };

        // Preparation over HTTP: every applicant's files through the upload endpoint (the warm-up applicants' first).
        var uploads = applications.SelectMany((a, i) => RegistrationScenario.FileFields(a).Select(field => (Applicant: i, Field: field))).ToArray();
        var warmUploads = uploads.Count(u => u.Applicant < warmup);
        var photo = RegistrationScenario.IdPhoto;
        HttpRequestMessage Upload(int n)
        {
            var (applicant, field) = uploads[n];
            var content = new MultipartFormDataContent { { new ByteArrayContent(photo), "file", field == "photo" ? "anh-the.png" : "chung-chi.png" } };
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/attachments") { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[applicant]);
            return request;
        }
        void Uploaded(int n, string body)
        {
            var (applicant, field) = uploads[n];
            var data = applications[applicant];
            lock (data)
                data[field] = new JsonArray(JsonNode.Parse(body)!["id"]!.GetValue<string>());
        }
        await DriveAsync(client, Upload, HttpStatusCode.Created, 0, warmUploads, concurrency, Uploaded);
        var uploadCpuBefore = server.CpuTime;
        var uploaded = await DriveAsync(client, Upload, HttpStatusCode.Created, warmUploads, uploads.Length - warmUploads, concurrency, Uploaded);
        var uploadCpu = server.CpuTime - uploadCpuBefore;
        Report($"uploads (preparation, not measured below; after the warm-up applicants' {warmUploads:N0}; {photo.Length:N0}-byte 400×600 PNG)",
            uploaded, uploads.Length - warmUploads, concurrency, server);
        Console.WriteLine($"CPU per upload: portal {uploadCpu.TotalMilliseconds / Math.Max(1, uploads.Length - warmUploads):F2} ms; " +
                          $"{uploads.Length - total:N0} of the {uploads.Length:N0} uploads are certificate scans");
        if (uploaded.Errors > 0)
        {
            Console.WriteLine($"first errors: {string.Join(" | ", uploaded.FirstErrors.Take(3))}; portal log {server.Log}");
            return 1;
        }

        var bodies = applications.Select(data => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["procedureId"] = RegistrationScenario.ProcedureId, ["data"] = data.DeepClone(), ["declaration"] = true,
        }.ToJsonString())).ToArray();
        HttpRequestMessage Submission(int n)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new ByteArrayContent(bodies[n]) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[n]);
            request.Headers.Add("Idempotency-Key", $"bench-{n}");
            return request;
        }
        var accepted = new bool[total];
        void Accepted(int n, string _) => accepted[n] = true;
        // With --rate, the warm-up runs at that rate too, so the measured part starts in the steady state it measures: a
        // warm-up as fast as possible left the portal's background work (checkpoints, outbox) behind, to be caught up in
        // the first seconds measured (docs/performance.md, "the warm-up at the measured rate").
        var warm = await DriveAsync(client, Submission, HttpStatusCode.Created, 0, warmup, concurrency, Accepted, rate);
        Console.WriteLine($"warm-up: {warmup:N0} in {warm.Elapsed.TotalSeconds:F1} s, {warm.Errors} errors");
        var cpuBefore = server.CpuTime;
        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await DriveAsync(client, Submission, HttpStatusCode.Created, warmup, count, concurrency, Accepted, rate);
        var cpu = server.CpuTime - cpuBefore;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore;
        Report(rate is { } r ? $"submissions (open loop: {r:N0} scheduled per second, {concurrency} senders)" : "submissions", run, count,
            rate is null ? concurrency : null, server);
        Console.WriteLine($"CPU per submission: portal {cpu.TotalMilliseconds / count:F2} ms (≈ {count / cpu.TotalSeconds:F0}/s per core), " +
                          $"driver {driverCpu.TotalMilliseconds / count:F2} ms; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (2 cores)");
        if (warm.Errors + run.Errors > 0)
            Console.WriteLine($"first errors: {string.Join(" | ", warm.FirstErrors.Concat(run.FirstErrors).Take(3))}; portal log {server.Log}");
        return await CheckAsync(portal, applications, accepted) && run.Errors == 0 ? 0 : 1;
    }

    /// <summary>Committed and where they should be: one dossier per accepted request (distinct codes and unique keys),
    /// its files claimed, and its instance waiting at the open task its category leads to, in the right unit.</summary>
    private static async Task<bool> CheckAsync(BenchPortal portal, JsonObject[] applications, bool[] accepted)
    {
        using var scope = portal.Services.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var procedure = RegistrationScenario.ProcedureId;
        var expected = applications.Where((_, i) => accepted[i])
            .ToDictionary(a => a["cccd"]!.GetValue<string>(), a => RegistrationScenario.ExpectedTask(a));
        var files = applications.Where((_, i) => accepted[i]).Sum(a => RegistrationScenario.FileFields(a).Count);
        var dossiers = await db.Dossiers.CountAsync(d => d.ProcedureId == procedure);
        var codes = await db.Dossiers.Where(d => d.ProcedureId == procedure).Select(d => d.Code).Distinct().CountAsync();
        var keys = await db.Dossiers.Where(d => d.ProcedureId == procedure).Select(d => d.UniqueKey).Distinct().CountAsync();
        var claimed = await db.Attachments.CountAsync(a => a.DossierCode != null);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ProcedureId == procedure)
            .Select(t => new { t.Cccd, t.StepId, t.UnitCode, t.DossierCode }).ToListAsync();
        var misplaced = tasks.Where(t => t.Cccd is null || !expected.TryGetValue(t.Cccd, out var e) || e != (t.StepId, t.UnitCode)).ToList();
        var waiting = tasks.Select(t => t.DossierCode).Distinct().Count();
        var steps = tasks.GroupBy(t => t.StepId).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} at {g.Key} ({g.Select(t => t.UnitCode).Distinct().Count()} units)");
        Console.WriteLine($"database: {dossiers:N0} dossiers ({codes:N0} distinct codes, {keys:N0} distinct unique keys), {claimed:N0} files claimed, " +
                          $"{tasks.Count:N0} open tasks for {waiting:N0} dossiers: {string.Join(", ", steps)}; {misplaced.Count} at another step or unit; " +
                          $"expected {expected.Count:N0} dossiers, {files:N0} files");
        foreach (var t in misplaced.Take(3))
            Console.WriteLine($"  misplaced: {t.DossierCode} CCCD {t.Cccd} at {t.StepId} / {t.UnitCode}");
        return dossiers == expected.Count && codes == dossiers && keys == dossiers && claimed == files
               && tasks.Count == dossiers && waiting == dossiers && misplaced.Count == 0;
    }

    internal sealed record Run(double[] Latencies, TimeSpan Elapsed, int Ok, int Errors, IReadOnlyList<string> FirstErrors, int[] PerSecond)
    {
        /// <summary>When each request completed, in seconds from the start (for <c>BENCH_TIMELINE</c>).</summary>
        public double[] CompletedAt { get; init; } = [];

        /// <summary>How long after its scheduled time each request went out (the driver's own delay, or all senders busy).</summary>
        public double[] SentLate { get; init; } = [];

        /// <summary>The driver's own garbage-collection pauses during the run: a pause delays sending and reading alike.</summary>
        public TimeSpan DriverGcPause { get; init; }

        /// <summary>Wall-clock start, so the timeline lines up with the portal's log (UTC, like its timestamps).</summary>
        public DateTime StartedUtc { get; init; }
    }

    /// <summary>Sends requests <paramref name="from"/>…<paramref name="from"/>+<paramref name="count"/> made by
    /// <paramref name="make"/> at fixed concurrency (closed loop) or, with <paramref name="rate"/>, each at its scheduled
    /// time, <paramref name="rate"/> per second whatever the answers (open loop: latency counted from the scheduled time,
    /// so a portal falling behind is charged for the queue — no coordinated omission; <paramref name="concurrency"/> then
    /// caps the connections). A response other than <paramref name="expected"/> is an error; <paramref name="succeeded"/>,
    /// if given, receives the request's number and the body of each expected response.</summary>
    internal static async Task<Run> DriveAsync(HttpClient client, Func<int, HttpRequestMessage> make, HttpStatusCode expected, int from, int count, int concurrency,
        Action<int, string>? succeeded = null, double? rate = null)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var latencies = new double[count];
        var late = new double[count];
        var next = -1;
        var ok = 0;
        var errors = 0;
        var firstErrors = new List<string>();
        var completions = new long[count];
        var started = Stopwatch.GetTimestamp();
        var startedUtc = DateTime.UtcNow;
        var gcPauseBefore = GC.GetTotalPauseDuration();
        async Task Send(int i, long since)
        {
            late[i] = Stopwatch.GetElapsedTime(since).TotalMilliseconds;
            using var request = make(from + i);
            try
            {
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == expected)
                {
                    Interlocked.Increment(ref ok);
                    succeeded?.Invoke(from + i, text);
                }
                else
                    Fail($"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Fail(e.GetType().Name + ": " + e.Message);
            }
            var now = Stopwatch.GetTimestamp();
            latencies[i] = Stopwatch.GetElapsedTime(since, now).TotalMilliseconds;
            completions[i] = now;
        }
        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                await Send(i, Stopwatch.GetTimestamp());
        }
        // Open loop with a fixed pool of senders: each takes the next request, waits for its scheduled time if early, and
        // counts its latency from that time — if every sender is busy the request goes out late and the wait is charged.
        async Task Scheduled(double perSecond)
        {
            var interval = Stopwatch.Frequency / perSecond;
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var due = started + (long)(i * interval);
                if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { Ticks: > 0 } early)
                    await Task.Delay(early);
                await Send(i, due);
            }
        }
        void Fail(string message)
        {
            Interlocked.Increment(ref errors);
            lock (firstErrors)
                if (firstErrors.Count < 5)
                    firstErrors.Add(message);
        }
        // A pause of the driver delays its sends, and the open loop rightly charges the delay to the request; but it is the
        // driver's, not the portal's (runs of 27/11 had single blocking collections of 340–400 ms). So no blocking full
        // collection during the drive: the preparation's garbage was collected before the clock started (top of this method).
        var latencyMode = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(rate is { } arrivals ? () => Scheduled(arrivals) : Worker)));
        }
        finally
        {
            GCSettings.LatencyMode = latencyMode;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var perSecond = new int[(int)Math.Ceiling(elapsed.TotalSeconds) + 1];
        foreach (var at in completions)
            perSecond[(int)Stopwatch.GetElapsedTime(started, at).TotalSeconds]++;
        return new Run(latencies, elapsed, ok, errors, firstErrors, perSecond)
        {
            CompletedAt = completions.Select(at => Stopwatch.GetElapsedTime(started, at).TotalSeconds).ToArray(), StartedUtc = startedUtc,
            SentLate = late, DriverGcPause = GC.GetTotalPauseDuration() - gcPauseBefore,
        };
    }

    internal static void Report(string what, Run run, int count, int? concurrency, PortalProcess server)
    {
        var sorted = run.Latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        // Whole seconds only (the last one is partial): the slowest and fastest second show whether the rate is sustained.
        var full = run.PerSecond.Take(Math.Max(1, (int)run.Elapsed.TotalSeconds)).ToArray();
        Console.WriteLine($"{what}: {count:N0}{(concurrency is { } c ? $" at concurrency {c}" : "")} in {run.Elapsed.TotalSeconds:F2} s = {count / run.Elapsed.TotalSeconds:F0}/s " +
                          $"(per second: min {full.Min()}, max {full.Max()}); {run.Errors} errors");
        Console.WriteLine($"latency: p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms");
        Console.WriteLine($"portal peak RSS {server.PeakRssBytes / 1024 / 1024} MB; driver peak RSS {Memory.PeakRss(Environment.ProcessId) / 1024 / 1024} MB");
        // BENCH_TIMELINE=1: completions and the slowest latency per quarter second, to see whether the tail is a few
        // stalls (all requests in flight wait together) or spread evenly.
        if (Environment.GetEnvironmentVariable("BENCH_TIMELINE") is not null)
        {
            Console.WriteLine($"driver GC pauses: {run.DriverGcPause.TotalMilliseconds:F0} ms in all");
            foreach (var window in run.CompletedAt.Select((at, i) => (Window: (int)(at * 4), Latency: run.Latencies[i], Late: run.SentLate[i])).GroupBy(x => x.Window).OrderBy(g => g.Key))
                Console.WriteLine($"  t={window.Key / 4.0,6:F2} s ({run.StartedUtc.AddSeconds(window.Key / 4.0):HH:mm:ss.ff}): {window.Count(),4} done, max {window.Max(x => x.Latency),6:F1} ms, over 100 ms {window.Count(x => x.Latency > 100),3}, sent late by {window.Max(x => x.Late),5:F1} ms at most");
        }
    }

    internal static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1].Replace("_", "")) : fallback;

    internal static string OptionText(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
