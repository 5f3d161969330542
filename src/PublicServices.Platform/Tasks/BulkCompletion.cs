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

    public async Task<IReadOnlyList<BulkItemResult>> RunAsync(OfficialScope who, IReadOnlyList<Guid> taskIds, string outcome, string? comment,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var codes = db.Tasks.Where(t => taskIds.Contains(t.Id)).Select(t => new { t.Id, t.DossierCode }).ToDictionary(t => t.Id, t => t.DossierCode);
        var results = new List<BulkItemResult>(taskIds.Count);
        foreach (var id in taskIds.Distinct().Take(MaxTasks))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await actions.CompleteAsync(who, id, outcome, comment, null, cancellationToken);
            // Each item starts from a clean context: nothing staged by a refused item leaks into the next one.
            db.ChangeTracker.Clear();
            results.Add(new BulkItemResult(id, codes.GetValueOrDefault(id), result.Status, result.Message));
            progress?.Report(results.Count);
        }
        return results;
    }
}
