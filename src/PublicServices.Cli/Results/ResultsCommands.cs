using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Cli.Hosting;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;

namespace PublicServices.Cli.Results;

/// <summary>
/// <c>publicservices scores import FILE.csv --exam 2027 [--digits 8] [--no-candidate-check] [--chunk 10000]</c>: validates the whole
/// file (every bad row with its line, exit 1, nothing written), then writes one record per candidate into dataset
/// <c>exam-2027</c> in resumable chunks with a progress line on stderr.
/// <c>publicservices results publish --exam 2027 --at 2027-07-16T08:00:00+07:00</c> schedules the publication;
/// <c>publicservices results status --exam 2027</c> shows it.
/// </summary>
public static class ResultsCommands
{
    public static Command Scores()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV: candidate_number,subject,score (subject DTB = grade 10–12 record average)" };
        var exam = new Option<int>("--exam") { Description = "Exam year, e.g. 2027", Required = true };
        var digits = new Option<int>("--digits") { Description = "Digits of a candidate number", DefaultValueFactory = _ => 8 };
        var noCheck = new Option<bool>("--no-candidate-check") { Description = "Do not check that each number was given to a candidate of the exam" };
        var chunk = new Option<int>("--chunk") { Description = "Candidates per transaction", DefaultValueFactory = _ => 10_000 };
        var import = new Command("import", "Import exam scores / Nhập điểm thi") { file, exam, digits, noCheck, chunk };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Không có tệp / No such file: {path.FullName}");
                return 1;
            }
            await using var services = await PlatformAsync(ct);
            using var scope = services.CreateScope();
            var options = new ScoreImportOptions(parse.GetValue(exam), path.FullName)
            {
                Digits = parse.GetValue(digits), CheckCandidates = !parse.GetValue(noCheck), ChunkSize = Math.Max(1, parse.GetValue(chunk)),
            };
            if (!options.CheckCandidates)
                Console.Error.WriteLine("Bỏ qua kiểm tra số báo danh có trong kỳ thi / Not checking that the numbers belong to the exam (--no-candidate-check).");
            var result = await scope.ServiceProvider.GetRequiredService<ScoreImport>().RunAsync(options, Progress, ct);
            switch (result.Outcome)
            {
                case ScoreImportOutcome.AlreadyImported:
                    Console.WriteLine($"Tệp này đã được nhập / This file is already imported into {options.Dataset} ({result.Written} candidates).");
                    return 0;
                case ScoreImportOutcome.Invalid:
                    foreach (var problem in result.Problems)
                        Console.Error.WriteLine($"{path.Name}:{problem.Line}: {problem.Reason}");
                    if (result.ProblemCount > result.Problems.Count)
                        Console.Error.WriteLine($"… {result.ProblemCount - result.Problems.Count} more / còn {result.ProblemCount - result.Problems.Count} lỗi nữa");
                    Console.Error.WriteLine($"{result.ProblemCount} dòng lỗi, không ghi gì / {result.ProblemCount} bad rows: nothing was imported.");
                    return 1;
                default:
                    Console.WriteLine($"{(result.Resumed ? "Tiếp tục và hoàn tất / Resumed and completed" : "Hoàn tất / Completed")}: {result.Rows} rows, " +
                                      $"{result.Candidates} candidates in {options.Dataset} ({result.Written} written now) in {result.Elapsed.TotalSeconds:0.0} s.");
                    return 0;
            }
        });
        var scores = new Command("scores", "Exam scores / Điểm thi");
        scores.Subcommands.Add(import);
        return scores;
    }

    public static Command Results()
    {
        var exam = new Option<int>("--exam") { Description = "Exam year, e.g. 2027", Required = true };
        var at = new Option<DateTimeOffset>("--at") { Description = "When results open, with its offset: 2027-07-16T08:00:00+07:00", Required = true };
        var publish = new Command("publish", "Schedule the publication of results / Hẹn giờ công bố kết quả") { exam, at };
        publish.SetAction(async (parse, ct) =>
        {
            await using var services = await PlatformAsync(ct);
            using var scope = services.CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<ResultPublication>().ScheduleAsync(parse.GetValue(exam), parse.GetValue(at), ct);
            Console.WriteLine($"Đã hẹn công bố / Publication scheduled: {ResultPublication.Signal} {job.Key} at {Local(job.StartAt)} " +
                              $"({job.Total} waiting now), job {job.Id}");
            return 0;
        });
        var statusExam = new Option<int>("--exam") { Description = "Exam year, e.g. 2027", Required = true };
        var status = new Command("status", "Publication progress / Tiến độ công bố") { statusExam };
        status.SetAction(async (parse, ct) =>
        {
            await using var services = await PlatformAsync(ct);
            using var scope = services.CreateScope();
            var s = await scope.ServiceProvider.GetRequiredService<ResultPublication>().StatusAsync(parse.GetValue(statusExam), ct);
            Console.WriteLine($"exam {s.Exam}: {s.Records} score records");
            foreach (var i in s.Imports)
                Console.WriteLine($"  import {i.FileName} sha256 {i.FileSha256[..12]}…: {i.Status}, {i.Records}/{i.TotalRecords} candidates, line {i.LastLine}");
            Console.WriteLine(s.Status is null
                ? "  publication: not scheduled / chưa hẹn công bố"
                : $"  publication at {Local(s.PublishAt)}: {s.Status}, {s.Processed}/{s.Total} ({(s.Total == 0 ? 100 : 100L * s.Processed / s.Total)}%), refused {s.Refused}" +
                  (s.FinishedAt is { } f ? $", finished {Local(f)}" : ""));
            return 0;
        });
        var results = new Command("results", "Exam results / Kết quả thi");
        results.Subcommands.Add(publish);
        results.Subcommands.Add(status);
        return results;
    }

    private static string Local(DateTime? utc) => utc is { } at
        ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)
        : "-";

    private static DateTime lastProgress;

    private static void Progress(ScoreImportProgress p)
    {
        var now = DateTime.UtcNow;
        if (p.Done < p.Total && now - lastProgress < TimeSpan.FromSeconds(1) && p.Phase == "validating")
            return;
        lastProgress = now;
        var percent = p.Total == 0 ? 100 : 100.0 * p.Done / p.Total;
        Console.Error.WriteLine(p.Phase == "validating"
            ? $"checking: {percent:0}% of the file, {p.PerSecond:0} rows/s"
            : $"writing: {p.Done}/{p.Total} candidates ({percent:0.0}%), {p.PerSecond:0} candidates/s");
    }

    private static async Task<ServiceProvider> PlatformAsync(CancellationToken ct)
    {
        var services = CliHost.Build();
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        await scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(ct);
        return services;
    }
}
