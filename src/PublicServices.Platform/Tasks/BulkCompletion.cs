using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tasks;

/// <summary>One task's result in a bulk action: done, or refused and why.</summary>
public sealed record BulkItemResult(Guid TaskId, string? DossierCode, TaskActionStatus Status, string? Message);

/// <summary>
/// One outcome applied to many tasks (a school verifying 600 registrations at once). Each task is its own transaction, so
/// a stop half-way leaves every task either fully done or untouched, and the per-item results say which.
/// </summary>
public sealed class BulkCompletion(AppDbContext db, TaskActions actions)
{
    public const int MaxTasks = 5000;

    /// <summary>Tasks committed together; each has its own savepoint, so a refused one is undone alone.</summary>
    private const int Chunk = 50;

    public async Task<IReadOnlyList<BulkItemResult>> RunAsync(OfficialScope who, IReadOnlyList<Guid> taskIds, string outcome, string? comment,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var codes = await db.Tasks.Where(t => taskIds.Contains(t.Id)).Select(t => new { t.Id, t.DossierCode }).ToDictionaryAsync(t => t.Id, t => t.DossierCode, cancellationToken);
        var results = new List<BulkItemResult>(taskIds.Count);
        foreach (var chunk in taskIds.Distinct().Take(MaxTasks).Chunk(Chunk))
        {
            // A stop inside a chunk rolls the whole chunk back: every task is either done and committed, or untouched.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var chunkResults = new List<BulkItemResult>(chunk.Length);
            foreach (var id in chunk)
            {
                var result = await actions.CompleteAsync(who, id, outcome, comment, null, cancellationToken);
                // Each item starts from a clean context: nothing staged by one item leaks into the next.
                db.ChangeTracker.Clear();
                chunkResults.Add(new BulkItemResult(id, codes.GetValueOrDefault(id), result.Status, result.Message));
            }
            await transaction.CommitAsync(cancellationToken);
            results.AddRange(chunkResults);
            progress?.Report(results.Count);
        }
        return results;
    }
}
