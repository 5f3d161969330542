using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// A simulated exam cohort pushed through the portal's own services in process, phase after phase, with time, rate and
/// memory (RSS) reported as it goes. Candidates are generated on the fly (Bogus) and never held: memory must stay flat
/// (target ≤ 1 GB RSS for 1.2 million).
/// <code>cohort [--count 1200000] [--concurrency 64] [--phases upload,submit,verify,lock] [--postgres] [--synchronous FULL|NORMAL] [--report-every 100000]</code>
/// Phases (add new ones to <see cref="Phases"/>; each reads what the previous left in the database):
/// <list type="bullet">
/// <item><c>upload</c> — every candidate's ID photo (and the certificate's scan when exempt) through
/// <see cref="AttachmentService"/> (what <c>POST /api/v1/attachments</c> calls after HTTP), many concurrent callers.</item>
/// <item><c>submit</c> — every candidate's registration of the real <c>exam-registration</c> procedure through
/// <see cref="DossierSubmission"/> (the code path of <c>POST /api/v1/dossiers</c> after HTTP: window, validation, files,
/// <c>uniqueBy</c>, idempotency, group commit), many concurrent callers, naming the files of the upload phase.</item>
/// <item><c>verify</c> — the officials' bulk verification (<see cref="BulkCompletion"/>, 5,000 tasks per call, unit
/// by unit) of every open registration task: the instances move on to wait for the lock.</item>
/// <item><c>lock</c> — the <c>registration-locked</c> signal broadcast to every waiting instance (<see cref="SignalBroadcaster"/>):
/// candidate numbers per council, rooms, the admission notice asked through the outbox.</item>
/// <item><c>notices</c> — the admission notices' document waits resumed as the issuing handler resumes them, without
/// rendering PDFs (the documents benchmark measures rendering): not a measure of the portal, a bridge to the results.</item>
/// <item><c>import</c> — a score file for every numbered candidate (4 papers and the record average) written, then
/// <see cref="ScoreImport"/> (what <c>publicservices scores import</c> runs).</item>
/// <item><c>publish</c> — the <c>results-published</c> broadcast with each candidate's record: grading, certificate asked.</item>
/// <item><c>check</c> — every candidate's instance read back (not a measure): each waits for its result certificate, graded
/// (categories a and b) with the pass rate printed.</item>
/// </list>
/// </summary>
public static class CohortDriver
{
    private sealed record Phase(string Name, Func<CohortRun, Task> RunAsync);

    private static readonly Phase[] Phases =
    [
        new("upload", UploadAsync),
        new("submit", SubmitAsync),
        new("verify", VerifyAsync),
        new("lock", run => BroadcastAsync(run, RegistrationScenario.LockSignal, RegistrationScenario.LockKey)),
        new("notices", run => BroadcastDriver.IssueNoticesAsync(run.Services)),
        new("import", ImportAsync),
        new("publish", run => BroadcastAsync(run, "results-published", RegistrationScenario.LockKey)),
        new("check", CheckAsync),
    ];

    public sealed class CohortRun(BenchPortal portal, int count, int concurrency, int reportEvery)
    {
        public BenchPortal Portal => portal;
        public IServiceProvider Services => portal.Services.Services;
        public int Count => count;
        public int Concurrency => concurrency;
        public int ReportEvery => reportEvery;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var count = SubmissionsDriver.Option(args, "--count", 1_200_000);
        var concurrency = SubmissionsDriver.Option(args, "--concurrency", 64);
        var reportEvery = SubmissionsDriver.Option(args, "--report-every", 100_000);
        var names = SubmissionsDriver.OptionText(args, "--phases", string.Join(',', Phases.Select(p => p.Name))).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Except(Phases.Select(p => p.Name)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown phase(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Phases.Select(p => p.Name))}");
            return 2;
        }
        var postgres = args.Contains("--postgres");
        await using var portal = await BenchPortal.CreateAsync(postgres, SubmissionsDriver.OptionText(args, "--synchronous", "FULL"));
        Console.WriteLine($"cohort of {count:N0} on {(postgres ? "PostgreSQL" : "SQLite")}, {concurrency} concurrent callers; folder {portal.Folder}");
        var run = new CohortRun(portal, count, concurrency, reportEvery);
        var total = Stopwatch.StartNew();
        foreach (var phase in Phases.Where(p => names.Contains(p.Name)))
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await phase.RunAsync(run);
            Console.WriteLine($"phase {phase.Name}: {clock.Elapsed.TotalSeconds:F1} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s, " +
                              $"RSS {Rss()} (peak {PeakRss()})");
        }
        Console.WriteLine($"all phases: {total.Elapsed.TotalSeconds:F1} s; peak RSS {PeakRss()}");
        return 0;
    }

    private static string FileName(string field) => field == "photo" ? "anh-the.png" : "chung-chi.png";

    /// <summary>Every candidate's ID photo (and certificate scan when exempt) through the upload service, <c>Concurrency</c> callers.</summary>
    private static Task UploadAsync(CohortRun run) =>
        ForEachCandidateAsync(run, "uploaded", async (i, services) =>
        {
            foreach (var field in RegistrationScenario.FileFields(RegistrationScenario.Application(i)))
            {
                using var content = new MemoryStream(RegistrationScenario.IdPhoto, writable: false);
                var (_, error) = await services.GetRequiredService<AttachmentService>().UploadAsync($"cohort-{i}", FileName(field), content, CancellationToken.None);
                if (error is not null)
                    return $"upload refused: {error.En}";
            }
            return null;
        });

    /// <summary>Registrations through the submission service, <c>Concurrency</c> callers, generated as they go; each
    /// names the files its candidate uploaded in the <c>upload</c> phase (found by owner with one indexed read, which a
    /// real client does not need: it has the ids from the upload's answer).</summary>
    private static Task SubmitAsync(CohortRun run)
    {
        var declaration = new Declaration("bench");
        return ForEachCandidateAsync(run, "submitted", async (i, services) =>
        {
            var applicant = $"cohort-{i}";
            var data = RegistrationScenario.Application(i);
            var files = await services.GetRequiredService<AppDbContext>().Attachments.AsNoTracking()
                .Where(a => a.OwnerId == applicant && a.DossierCode == null).Select(a => new { a.Id, a.FileName }).ToListAsync();
            foreach (var field in RegistrationScenario.FileFields(data))
                if (files.FirstOrDefault(f => f.FileName == FileName(field)) is { } file)
                    data[field] = new JsonArray(file.Id.ToString());
            var result = await services.GetRequiredService<DossierSubmission>()
                .SubmitAsync(applicant, RegistrationScenario.ProcedureId, data, applicant, declaration, CancellationToken.None);
            return result.Dossier is null ? string.Join("; ", result.Errors.Select(e => $"{e.FieldId}: {e.Message.En}")) : null;
        });
    }

    /// <summary>Candidates 0…Count−1 through <paramref name="act"/> (a scope each; a returned text is a refusal),
    /// <c>Concurrency</c> callers, with the rate and memory printed every <c>ReportEvery</c>.</summary>
    private static async Task ForEachCandidateAsync(CohortRun run, string verb, Func<int, IServiceProvider, Task<string?>> act)
    {
        var next = -1;
        var done = 0;
        var refused = 0;
        var block = Stopwatch.StartNew();
        var blockStart = 0;
        var gate = new object();
        async Task Caller()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= run.Count)
                    return;
                using var scope = run.Services.CreateScope();
                if (await act(i, scope.ServiceProvider) is { } refusal && Interlocked.Increment(ref refused) <= 3)
                    Console.WriteLine($"  refused #{i}: {refusal}");
                var finished = Interlocked.Increment(ref done);
                if (finished % run.ReportEvery == 0 || finished == run.Count)
                    lock (gate)
                    {
                        var n = finished - blockStart;
                        Console.WriteLine($"  {verb} {finished:N0}: last {n:N0} in {block.Elapsed.TotalSeconds:F1} s = {n / block.Elapsed.TotalSeconds:F0}/s; " +
                                          $"RSS {Rss()} (peak {PeakRss()}), managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB");
                        block.Restart();
                        blockStart = finished;
                    }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, run.Concurrency).Select(_ => Task.Run(Caller)));
        if (refused > 0)
            Console.WriteLine($"  {refused:N0} candidates refused");
    }

    /// <summary>Every open registration task verified by its unit's officer, 5,000 per bulk action.</summary>
    private static async Task VerifyAsync(CohortRun run)
    {
        List<(string Role, string Unit)> queues;
        using (var scope = run.Services.CreateScope())
            queues = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.AsNoTracking()
                    .Where(t => t.ProcedureId == RegistrationScenario.ProcedureId)
                    .Select(t => new { t.Role, t.UnitCode }).Distinct().ToListAsync())
                .Select(q => (q.Role, q.UnitCode)).ToList();
        var verified = 0;
        var failed = 0;
        var block = Stopwatch.StartNew();
        var reported = 0;
        foreach (var (role, unit) in queues)
        {
            var official = new OfficialScope("bench-officer", "Cán bộ thử", [role], unit, "127.0.0.1");
            while (true)
            {
                using var scope = run.Services.CreateScope();
                var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.AsNoTracking()
                    .Where(t => t.ProcedureId == RegistrationScenario.ProcedureId && t.Role == role && t.UnitCode == unit)
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(BulkCompletion.MaxTasks).ToListAsync();
                if (ids.Count == 0)
                    break;
                var results = await scope.ServiceProvider.GetRequiredService<BulkCompletion>().RunAsync(official, ids, "verify", null, null, CancellationToken.None);
                verified += results.Count(r => r.Status == TaskActionStatus.Done);
                failed += results.Count(r => r.Status != TaskActionStatus.Done);
                if (results.All(r => r.Status != TaskActionStatus.Done))
                    throw new InvalidOperationException($"verification refused in {unit}: {results[0].Message}");
                if (verified - reported >= run.ReportEvery)
                {
                    Console.WriteLine($"  verified {verified:N0}: last {verified - reported:N0} in {block.Elapsed.TotalSeconds:F1} s = {(verified - reported) / block.Elapsed.TotalSeconds:F0}/s; RSS {Rss()}");
                    block.Restart();
                    reported = verified;
                }
            }
        }
        Console.WriteLine($"  verified {verified:N0} in {queues.Count} queues, {failed} refused");
    }

    /// <summary>The scores of every numbered candidate, imported as the CLI does (the file's writing is not timed apart).</summary>
    private static async Task ImportAsync(CohortRun run)
    {
        var writing = Stopwatch.StartNew();
        var file = await WriteScoresAsync(run);
        Console.WriteLine($"  score file written in {writing.Elapsed.TotalSeconds:F1} s (not measured)");
        var clock = Stopwatch.StartNew();
        using var scope = run.Services.CreateScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ScoreImport>().RunAsync(new ScoreImportOptions(2027, file), null, CancellationToken.None);
        if (imported.Outcome != ScoreImportOutcome.Imported)
            throw new InvalidOperationException($"score import: {imported.Outcome} {string.Join("; ", imported.Problems.Take(5))}");
        Console.WriteLine($"  imported {imported.Rows:N0} rows, {imported.Written:N0} candidates in {clock.Elapsed.TotalSeconds:F1} s = {imported.Written / clock.Elapsed.TotalSeconds:N0}/s");
    }

    /// <summary>A score for each of a numbered candidate's own four papers (<c>exam.code1…4</c> of the instance: the
    /// cohort's candidates choose their electives and language) and the record average — as the council's file has them.</summary>
    private static async Task<string> WriteScoresAsync(CohortRun run)
    {
        using var scope = run.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var path = Path.Combine(run.Portal.Folder, "scores-2027.csv");
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        await writer.WriteLineAsync("candidate_number,subject,score");
        var random = new Random(2027);
        var numbered = db.Bookmarks.AsNoTracking().Where(b => b.DataKey != null)
            .Join(db.Instances.AsNoTracking(), b => b.InstanceId, i => i.Id, (b, i) => new { Number = b.DataKey!, i.StateJson });
        await foreach (var candidate in numbered.AsAsyncEnumerable())
        {
            var exam = WorkflowStateJson.Deserialize(candidate.StateJson).Variables["exam"];
            foreach (var paper in Enumerable.Range(1, 4).Select(n => exam?[$"code{n}"]?.ToString()).OfType<string>().Distinct())
                await writer.WriteLineAsync($"{candidate.Number},{paper},{random.Next(0, 41) * 0.25:0.##}");
            await writer.WriteLineAsync($"{candidate.Number},DTB,{random.Next(500, 1000) / 100.0:0.##}");
        }
        return path;
    }

    /// <summary>Every instance read back: each waits for its result certificate, and candidates of categories a and b have a
    /// graduation score (a missing paper's score leaves it empty, and the candidate not graduated).</summary>
    private static async Task CheckAsync(CohortRun run)
    {
        using var scope = run.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var waiting = await db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Document && b.StepId == "certificate");
        int graded = 0, passed = 0, notGraded = 0, incomplete = 0;
        await foreach (var json in db.Instances.AsNoTracking().Select(i => i.StateJson).AsAsyncEnumerable())
        {
            var variables = WorkflowStateJson.Deserialize(json).Variables;
            if (variables["registration"]?["category"]?.ToString() is not ("a" or "b"))
                notGraded++;
            else if (variables["grading"]?["score"] is null)
                incomplete++;
            else
            {
                graded++;
                passed += variables["grading"]?["passed"]?.GetValue<bool>() == true ? 1 : 0;
            }
        }
        Console.WriteLine($"  {waiting:N0} of {run.Count:N0} wait for their result certificate; graded {graded:N0} (passed {passed:N0} = {100.0 * passed / Math.Max(graded, 1):F1} %), " +
                          $"categories c/d not graded {notGraded:N0}, a paper's score missing {incomplete:N0}");
        if (waiting != run.Count || incomplete > 0)
            throw new InvalidOperationException("the results broadcast did not grade every candidate");
    }

    /// <summary>A signal to every instance waiting for it, through the batch broadcaster (chunks of 500, as the portal's worker).</summary>
    private static async Task BroadcastAsync(CohortRun run, string signal, string key)
    {
        var broadcaster = run.Services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<SignalBroadcaster>();
        var job = await broadcaster.StartAsync(signal, key, CancellationToken.None);
        var block = Stopwatch.StartNew();
        var reported = 0;
        var finished = await broadcaster.RunAsync(job, 500, new Progress<BatchJobRecord>(j =>
        {
            if (j.Processed - reported < run.ReportEvery)
                return;
            Console.WriteLine($"  signalled {j.Processed:N0}/{j.Total:N0}: {(j.Processed - reported) / block.Elapsed.TotalSeconds:F0}/s; RSS {Rss()}");
            block.Restart();
            reported = j.Processed;
        }), CancellationToken.None);
        Console.WriteLine($"  broadcast {finished.Signal}: {finished.Processed:N0} of {finished.Total:N0}, {finished.Refused} refused, {finished.Status}");
    }

    private static string Rss() => $"{Memory.CurrentRss(Environment.ProcessId) / 1024 / 1024} MB";

    private static string PeakRss() => $"{Memory.PeakRss(Environment.ProcessId) / 1024 / 1024} MB";
}
