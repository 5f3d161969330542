using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Results;

public enum ResultLookupStatus { Found, NotPublished, NotFound }

/// <summary>A paper's score; <see cref="Before"/> is the published score when a re-marking changed it.</summary>
public sealed record SubjectScore(string Code, LocalizedText Name, decimal Score)
{
    public decimal? Before { get; init; }

    public bool Remarked => Before is not null;
}

/// <summary>
/// What a re-marking that changed a score wrote into the candidate's record (<c>remarking</c>, by the <c>dataset</c> step
/// of exam-remarking): the graduation score and status computed again (null for candidates who are not graded).
/// </summary>
public sealed record ExamRemarking(decimal? GraduationScore, bool? Graduated);

/// <summary>
/// One candidate's published result: the candidate number and scores only (no personal data); after a re-marking that
/// changed a score, the new scores (each changed one with its former score) and <see cref="Remarking"/>.
/// </summary>
public sealed record ExamResult(int Exam, string CandidateNumber, IReadOnlyList<SubjectScore> Scores, decimal? Record)
{
    public ExamRemarking? Remarking { get; init; }

    public bool Remarked => Remarking is not null;

    /// <summary>The note shown with a re-marked result.</summary>
    public static readonly LocalizedText RemarkedNote = new("Đã phúc khảo", "Re-marked");
}

public sealed record ResultLookup(ResultLookupStatus Status, ExamResult? Result, DateTime? PublishAt);

/// <summary>
/// The public result look-up, built for the morning of publication (thousands of requests a second): the publication
/// time is cached for <see cref="PublicationTtl"/> (and compared with the clock on every call, so results open at the
/// second), each candidate's record — or its absence — for <see cref="RecordTtl"/> in a bounded cache
/// (<see cref="ResultsCache"/>), so a popular number costs one primary-key read per ten minutes. A record changed after
/// publication (a re-marking's <c>dataset</c> step) is dropped from this process's cache at once, and from every other
/// node's within <see cref="ChangesPollInterval"/>: each node reads the dataset's change journal
/// (<see cref="DatasetChanges"/>, one range read of the primary key) at most that often.
/// </summary>
public sealed class ExamResults(AppDbContext db, ResultPublication publication, ExamSubjects subjects, ResultsCache cache, TimeProvider clock)
{
    public static readonly TimeSpan PublicationTtl = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RecordTtl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MissingTtl = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ChangesPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Each poll reads the journal again this far back: a change committed late, or by a node whose clock is
    /// behind, or a record read just before its change and cached just after, is still caught.</summary>
    public static readonly TimeSpan ChangesOverlap = TimeSpan.FromMinutes(1);

    public static string DatasetOf(int exam) => $"exam-{exam}";

    public async Task<ResultLookup> FindAsync(int exam, string candidateNumber, CancellationToken cancellationToken)
    {
        var publishAt = await cache.Memory.GetOrCreateAsync(("published", exam), async entry =>
        {
            entry.SetSize(1).SetAbsoluteExpiration(PublicationTtl);
            return new Box<DateTime?>(await publication.PublishedAtAsync(exam, cancellationToken));
        });
        if (publishAt!.Value is not { } at || at > clock.GetUtcNow().UtcDateTime)
            return new ResultLookup(ResultLookupStatus.NotPublished, null, publishAt.Value);
        var number = candidateNumber.Trim();
        if (number.Length is 0 or > 16 || !number.All(char.IsAsciiDigit))
            return new ResultLookup(ResultLookupStatus.NotFound, null, at);
        await ForgetChangedAsync(exam, cancellationToken);
        var result = await cache.Memory.GetOrCreateAsync(ResultsCache.KeyOf(exam, number), async entry =>
        {
            var dataset = DatasetOf(exam);
            var json = await db.DatasetRecords.AsNoTracking().Where(r => r.Dataset == dataset && r.Key == number)
                .Select(r => r.DataJson).FirstOrDefaultAsync(cancellationToken);
            entry.SetSize(1).SetAbsoluteExpiration(json is null ? MissingTtl : RecordTtl);
            return new Box<ExamResult?>(json is null ? null : Parse(exam, number, json));
        });
        return result!.Value is { } found
            ? new ResultLookup(ResultLookupStatus.Found, found, at)
            : new ResultLookup(ResultLookupStatus.NotFound, null, at);
    }

    /// <summary>Drops from the cache the records of this exam changed since the last poll (at most every
    /// <see cref="ChangesPollInterval"/> per node; one request polls, the others go on).</summary>
    private async Task ForgetChangedAsync(int exam, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var poll = cache.Polls.GetOrAdd(exam, _ => new ResultsCache.ChangesPoll(now - ChangesOverlap));
        if (!poll.TryClaim(now, ChangesPollInterval))
            return;
        var journal = DatasetChanges.JournalOf(DatasetOf(exam));
        var since = DatasetChanges.KeyAt(poll.Since - ChangesOverlap);
        var changes = await db.DatasetRecords.AsNoTracking()
            .Where(r => r.Dataset == journal && string.Compare(r.Key, since) > 0)
            .Select(r => r.DataJson).ToListAsync(cancellationToken);
        foreach (var key in changes.Select(DatasetChanges.KeyOfData).OfType<string>())
        {
            if (key == DatasetChanges.AllKeys)
            {
                cache.Memory.Clear(); // a score file imported meanwhile: every record may have changed
                break;
            }
            cache.Memory.Remove(ResultsCache.KeyOf(exam, key));
        }
        poll.Since = now;
    }

    private ExamResult Parse(int exam, string number, string json)
    {
        var data = JsonNode.Parse(json)!.AsObject();
        var scores = data["scores"] as JsonObject ?? [];
        // A re-marking that changed scores lists them under remarking.changes: { subject, before, score }.
        var remarking = data["remarking"] as JsonObject;
        var changes = new Dictionary<string, (decimal Score, decimal? Before)>(StringComparer.Ordinal);
        foreach (var change in (remarking?["changes"] as JsonArray ?? []).OfType<JsonObject>())
            if (change["subject"] is JsonValue subject && subject.TryGetValue<string>(out var code) && Number(change["score"]) is { } score)
                changes[code] = (score, Number(change["before"]) ?? Number(scores[code]));
        var list = new List<SubjectScore>();
        foreach (var (code, name) in subjects.All)
            if (changes.TryGetValue(code, out var changed))
                list.Add(new SubjectScore(code, name, changed.Score) { Before = changed.Before ?? changed.Score });
            else if (Number(scores[code]) is { } value)
                list.Add(new SubjectScore(code, name, value));
        return new ExamResult(exam, number, list, Number(data["record"]))
        {
            Remarking = changes.Count == 0 ? null
                : new ExamRemarking(Number(remarking!["graduationScore"]), remarking["graduated"] is JsonValue g && g.TryGetValue<bool>(out var b) ? b : null),
        };
    }

    private static decimal? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<decimal>(out var number) ? number : null;

    /// <summary>Caches a null too (an unknown number, an unscheduled exam).</summary>
    private sealed record Box<T>(T Value);
}

/// <summary>
/// The look-up's own bounded cache (entries count 1 each): <c>Results:CacheEntries</c>, default 200,000 (~100 MB at most).
/// Told of changed records by the <c>dataset</c> steps of this process; the other nodes' changes are polled per exam.
/// </summary>
public sealed class ResultsCache(int entries = 200_000) : IDisposable, IDatasetChangeObserver
{
    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = entries, CompactionPercentage = 0.2 });

    internal ConcurrentDictionary<int, ChangesPoll> Polls { get; } = new();

    internal static (string, int, string) KeyOf(int exam, string number) => ("result", exam, number);

    public void Changed(string dataset, string key)
    {
        if (dataset.StartsWith("exam-", StringComparison.Ordinal) && int.TryParse(dataset.AsSpan(5), out var exam))
            Memory.Remove(KeyOf(exam, key));
    }

    /// <summary>When this node last read an exam's change journal, and when it may read it again.</summary>
    internal sealed class ChangesPoll(DateTime since)
    {
        private long nextTicks;

        /// <summary>Changes after this time (less the overlap) are read by the next poll.</summary>
        public DateTime Since { get; set; } = since;

        public bool TryClaim(DateTime now, TimeSpan interval)
        {
            var next = Interlocked.Read(ref nextTicks);
            return now.Ticks >= next && Interlocked.CompareExchange(ref nextTicks, (now + interval).Ticks, next) == next;
        }
    }

    public void Dispose() => Memory.Dispose();
}
