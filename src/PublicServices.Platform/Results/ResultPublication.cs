using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Results;

public sealed record PublicationStatus(
    int Exam, DateTime? PublishAt, BatchJobStatus? Status, int Total, int Processed, int Refused, DateTime? FinishedAt,
    long Records, IReadOnlyList<DatasetImportRecord> Imports);

/// <summary>
/// Publication of an exam's results: the broadcast of signal <see cref="Signal"/> with the exam year as key, scheduled
/// for a set time (<c>results publish --at</c>) and started when due by <see cref="ScheduledBroadcastWork"/>. The
/// public look-up opens at that same time for everyone (<see cref="PublishedAtAsync"/>), whatever the broadcast's progress.
/// </summary>
public sealed class ResultPublication(AppDbContext db, SignalBroadcaster broadcaster)
{
    public const string Signal = "results-published";

    public static string KeyOf(int exam) => exam.ToString(CultureInfo.InvariantCulture);

    public Task<BatchJobRecord> ScheduleAsync(int exam, DateTimeOffset at, CancellationToken cancellationToken) =>
        broadcaster.ScheduleAsync(Signal, KeyOf(exam), at, cancellationToken);

    /// <summary>When the exam's results are (or will be) published: the set time of its publication, or when a broadcast
    /// sent at once started; null when none is recorded.</summary>
    public async Task<DateTime?> PublishedAtAsync(int exam, CancellationToken cancellationToken)
    {
        var key = KeyOf(exam);
        var times = await db.BatchJobs.AsNoTracking()
            .Where(j => j.Signal == Signal && j.Key == key && j.Status != BatchJobStatus.Failed)
            .Select(j => j.StartAt ?? j.StartedAt)
            .ToListAsync(cancellationToken);
        return times.Count == 0 ? null : times.Min();
    }

    public async Task<PublicationStatus> StatusAsync(int exam, CancellationToken cancellationToken)
    {
        var key = KeyOf(exam);
        var job = (await db.BatchJobs.AsNoTracking().Where(j => j.Signal == Signal && j.Key == key).ToListAsync(cancellationToken))
            .OrderByDescending(j => j.StartAt ?? j.StartedAt).FirstOrDefault();
        var dataset = ExamResults.DatasetOf(exam);
        var records = await db.DatasetRecords.LongCountAsync(r => r.Dataset == dataset, cancellationToken);
        var imports = (await db.DatasetImports.AsNoTracking().Where(i => i.Dataset == dataset).ToListAsync(cancellationToken))
            .OrderBy(i => i.StartedAt).ToList();
        var total = job is { Status: BatchJobStatus.Scheduled }
            ? await SignalBroadcaster.CountWaitingAsync(db, Signal, key, cancellationToken)
            : job?.Total ?? 0;
        return new PublicationStatus(exam, job?.StartAt ?? job?.StartedAt, job?.Status, total, job?.Processed ?? 0, job?.Refused ?? 0,
            job?.FinishedAt, records, imports);
    }
}
