using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The rows of many engine calls written in bulk (a batch signal's chunk, a group of submissions): journal lines, outbox messages, bookmarks opened
/// and bookmarks closed, collected by <see cref="WorkflowEngine"/> instead of being tracked by EF Core, then written by
/// <see cref="WriteAsync"/> with multi-row statements (<see cref="BulkInsert"/>) — in the caller's transaction, after its <c>SaveChanges</c> (the
/// instances with their revision check), before its commit. Change tracking and one statement per row cost more than the
/// engine itself at this volume (4–5 journal lines, one outbox message, one bookmark in and one out per instance).
/// A closed bookmark that is already gone (another node resumed it) fails the whole write with
/// <see cref="DbUpdateConcurrencyException"/>, as EF Core's own delete would: the transaction rolls back and the chunk is redone.
/// </summary>
public sealed class BulkRows
{
    public List<JournalEntryRecord> Journal { get; } = [];
    public List<OutboxMessageRecord> Outbox { get; } = [];
    public List<BookmarkRecord> Opened { get; } = [];
    public List<Guid> Closed { get; } = [];

    public int Count => Journal.Count + Outbox.Count + Opened.Count + Closed.Count;

    public async Task WriteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Bulk rows are written in the caller's transaction, with its SaveChanges.");
        var id = db.Model.FindEntityType(typeof(BookmarkRecord))!.FindProperty(nameof(BookmarkRecord.Id))!;
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var part in Closed.Chunk(BulkInsert.MaxParameters(db.Database)))
        {
            var parameters = part.Select((value, i) => (object)id.GetRelationalTypeMapping().CreateParameter(factory, $"p{i}", value, false)).ToList();
            // Only placeholders are put in the text; the ids are parameters.
            var sql = "DELETE FROM workflow_bookmarks WHERE \"Id\" IN (" + Placeholders(part.Length, 0) + ")";
            var deleted = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            if (deleted != part.Length)
                throw new DbUpdateConcurrencyException(
                    $"{part.Length - deleted} of {part.Length} bookmarks were already closed by another unit of work / Một số điểm chờ đã được xử lý ở nơi khác.");
        }
        await BulkInsert.WriteAsync(db, Opened, cancellationToken);
        await BulkInsert.WriteAsync(db, Journal, cancellationToken);
        await BulkInsert.WriteAsync(db, Outbox, cancellationToken);
        Clear();
    }

    /// <summary>Takes in the rows another engine collected (staged in parallel), to write them all with one set of statements.</summary>
    public void Add(BulkRows other)
    {
        Journal.AddRange(other.Journal);
        Outbox.AddRange(other.Outbox);
        Opened.AddRange(other.Opened);
        Closed.AddRange(other.Closed);
    }

    public void Clear()
    {
        Journal.Clear();
        Outbox.Clear();
        Opened.Clear();
        Closed.Clear();
    }

    private static string Placeholders(int count, int first) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => $"{{{i}}}"));
}
