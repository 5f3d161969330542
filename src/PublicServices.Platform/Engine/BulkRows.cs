using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The rows of many engine calls written in bulk (a batch signal's chunk, a group of submissions): instances started,
/// bookmarks and tasks opened, journal lines, outbox messages — and a group of submissions'
/// dossiers — and the bookmarks of waits other than tasks closed, collected by <see cref="WorkflowEngine"/> instead of
/// being tracked by EF Core, then written by <see cref="WriteAsync"/> with multi-row statements (<see cref="BulkInsert"/>)
/// — in the caller's transaction, after its <c>SaveChanges</c> (the instances resumed, with their revision check), before
/// its commit. Change tracking (attaching, snapshots, change detection) and one statement per row cost more than the
/// engine itself at this volume (≈ 17 rows a submission).
/// A closed bookmark that is already gone (another node resumed it) fails the whole write with
/// <see cref="DbUpdateConcurrencyException"/>, as EF Core's own delete would: the transaction rolls back and the chunk is redone.
/// </summary>
public sealed class BulkRows
{
    public List<InstanceRecord> Instances { get; } = [];
    public List<DossierRecord> Dossiers { get; } = [];
    public List<TaskRecord> Tasks { get; } = [];
    public List<JournalEntryRecord> Journal { get; } = [];
    public List<OutboxMessageRecord> Outbox { get; } = [];
    public List<BookmarkRecord> Opened { get; } = [];
    public List<Guid> Closed { get; } = [];

    public int Count => Instances.Count + Dossiers.Count + Tasks.Count + Journal.Count + Outbox.Count + Opened.Count + Closed.Count;

    /// <summary>
    /// A bookmark the engine closed, taken out of these rows: opened in this unit of work, it is simply not written (a
    /// task); opened before and not a task's, it is deleted by <see cref="WriteAsync"/>. False for
    /// a task opened before: its bookmark and row are removed through the context.
    /// </summary>
    public bool TryForget(Bookmark closed)
    {
        var index = Opened.FindIndex(b => b.Id == closed.Id);
        if (index >= 0)
        {
            Opened.RemoveAt(index);
            if (closed.Kind == BookmarkKinds.Task)
                Tasks.RemoveAll(t => t.Id == closed.Id);
            return true;
        }
        if (closed.Kind == BookmarkKinds.Task)
            return false;
        Closed.Add(closed.Id);
        return true;
    }

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
        await BulkInsert.WriteAsync(db, Instances, cancellationToken);
        await BulkInsert.WriteAsync(db, Dossiers, cancellationToken);
        await BulkInsert.WriteAsync(db, Tasks, cancellationToken);
        await BulkInsert.WriteAsync(db, Opened, cancellationToken);
        await BulkInsert.WriteAsync(db, Journal, cancellationToken);
        await BulkInsert.WriteAsync(db, Outbox, cancellationToken);
        Clear();
    }

    /// <summary>Takes in the rows another engine collected (staged in parallel), to write them all with one set of statements.</summary>
    public void Add(BulkRows other)
    {
        Instances.AddRange(other.Instances);
        Dossiers.AddRange(other.Dossiers);
        Tasks.AddRange(other.Tasks);
        Journal.AddRange(other.Journal);
        Outbox.AddRange(other.Outbox);
        Opened.AddRange(other.Opened);
        Closed.AddRange(other.Closed);
    }

    public void Clear()
    {
        Instances.Clear();
        Dossiers.Clear();
        Tasks.Clear();
        Journal.Clear();
        Outbox.Clear();
        Opened.Clear();
        Closed.Clear();
    }

    private static string Placeholders(int count, int first) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => $"{{{i}}}"));
}
