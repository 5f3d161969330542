using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Results;

public enum ResultLookupStatus { Found, NotPublished, NotFound }

public sealed record SubjectScore(string Code, LocalizedText Name, decimal Score);

/// <summary>One candidate's published result: the candidate number and scores only (no personal data).</summary>
public sealed record ExamResult(int Exam, string CandidateNumber, IReadOnlyList<SubjectScore> Scores, decimal? Record);

public sealed record ResultLookup(ResultLookupStatus Status, ExamResult? Result, DateTime? PublishAt);

/// <summary>
/// The public result look-up, built for the morning of publication (thousands of requests a second): the publication
/// time is cached for <see cref="PublicationTtl"/> (and compared with the clock on every call, so results open at the
/// second), each candidate's record — or its absence — for <see cref="RecordTtl"/> in a bounded cache
/// (<see cref="ResultsCache"/>), so a popular number costs one primary-key read per ten minutes.
/// </summary>
public sealed class ExamResults(AppDbContext db, ResultPublication publication, ExamSubjects subjects, ResultsCache cache, TimeProvider clock)
{
    public static readonly TimeSpan PublicationTtl = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RecordTtl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MissingTtl = TimeSpan.FromSeconds(30);

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
        var result = await cache.Memory.GetOrCreateAsync(("result", exam, number), async entry =>
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

    private ExamResult Parse(int exam, string number, string json)
    {
        var data = JsonNode.Parse(json)!.AsObject();
        var scores = data["scores"] as JsonObject ?? [];
        var list = new List<SubjectScore>();
        foreach (var (code, name) in subjects.All)
            if (scores[code] is JsonValue value)
                list.Add(new SubjectScore(code, name, value.GetValue<decimal>()));
        return new ExamResult(exam, number, list, data["record"] is JsonValue record ? record.GetValue<decimal>() : null);
    }

    /// <summary>Caches a null too (an unknown number, an unscheduled exam).</summary>
    private sealed record Box<T>(T Value);
}

/// <summary>The look-up's own bounded cache (entries count 1 each): <c>Results:CacheEntries</c>, default 200,000 (~100 MB at most).</summary>
public sealed class ResultsCache(int entries = 200_000) : IDisposable
{
    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = entries, CompactionPercentage = 0.2 });

    public void Dispose() => Memory.Dispose();
}
