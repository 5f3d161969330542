using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Platform.Datasets;

/// <summary>
/// Applies what a <c>dataset</c> step asked (outbox kind "dataset.merge"): merges the step's values into the record as a
/// JSON Merge Patch (creating a missing record) and, when that changed it, adds a row to the dataset's change journal
/// (<see cref="DatasetChanges"/>) in the same transaction, then tells this process's observers (the result look-up's
/// cache). The write is a compare-and-swap on the record's previous JSON: a record changed meanwhile (another merge, a
/// score import) fails the attempt and the outbox retries it on the new content. Applying the same message twice gives
/// the same record (a merge patch is idempotent), so redelivery is harmless.
/// </summary>
public sealed class DatasetMergeHandler(AppDbContext db, TimeProvider clock, IEnumerable<IDatasetChangeObserver> observers) : IOutboxHandler
{
    public string Kind => DatasetStepSettings.OutboxKind;

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(message.PayloadJson)!.AsObject();
        var dataset = payload["dataset"]!.GetValue<string>();
        var key = payload["key"]!.GetValue<string>();
        var patch = payload["merge"] as JsonObject ?? [];
        db.ChangeTracker.Clear();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var current = await db.DatasetRecords.AsNoTracking().Where(r => r.Dataset == dataset && r.Key == key)
                .Select(r => r.DataJson).FirstOrDefaultAsync(cancellationToken);
            var merged = DatasetChanges.MergePatch(current is null ? null : JsonNode.Parse(current), patch)!.ToJsonString();
            if (merged == current)
                return; // already applied (a redelivery) or nothing to change: no journal row, nothing to forget
            if (current is null)
                db.DatasetRecords.Add(new DatasetRecord { Dataset = dataset, Key = key, DataJson = merged });
            else if (await db.DatasetRecords.Where(r => r.Dataset == dataset && r.Key == key && r.DataJson == current)
                         .ExecuteUpdateAsync(s => s.SetProperty(r => r.DataJson, merged), cancellationToken) == 0)
                throw new InvalidOperationException(
                    $"Bản ghi {dataset}/{key} vừa bị thay đổi, sẽ thử lại / Record {dataset}/{key} changed meanwhile; retried on its new content.");
            db.DatasetRecords.Add(new DatasetRecord
            {
                Dataset = DatasetChanges.JournalOf(dataset), Key = DatasetChanges.KeyOf(clock.GetUtcNow().UtcDateTime, message.Id),
                DataJson = DatasetChanges.DataOf(key),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        foreach (var observer in observers)
            observer.Changed(dataset, key);
    }
}
