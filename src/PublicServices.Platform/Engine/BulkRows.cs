using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The rows of many engine calls written in bulk (a batch signal's chunk): journal lines, outbox messages, bookmarks opened
/// and bookmarks closed, collected by <see cref="WorkflowEngine"/> instead of being tracked by EF Core, then written by
/// <see cref="WriteAsync"/> with multi-row statements — in the caller's transaction, after its <c>SaveChanges</c> (the
/// instances with their revision check), before its commit. Change tracking and one statement per row cost more than the
/// engine itself at this volume (4–5 journal lines, one outbox message, one bookmark in and one out per instance).
/// A closed bookmark that is already gone (another node resumed it) fails the whole write with
/// <see cref="DbUpdateConcurrencyException"/>, as EF Core's own delete would: the transaction rolls back and the chunk is redone.
/// </summary>
public sealed class BulkRows
{
    /// <summary>Rows per statement. Microsoft.Data.Sqlite binds each parameter by a name lookup that scans the statement's
    /// parameters (quadratic in their number): short statements on SQLite, where a statement costs no round trip anyway;
    /// long ones on PostgreSQL, where each costs one.</summary>
    private static int RowsPerStatement(AppDbContext db) => db.Database.IsSqlite() ? 16 : 200;

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
        foreach (var part in Closed.Chunk(RowsPerStatement(db) * 4))
        {
            var parameters = part.Select((value, i) => (object)id.GetRelationalTypeMapping().CreateParameter(factory, $"p{i}", value, false)).ToList();
            // Only placeholders are put in the text; the ids are parameters.
            var sql = "DELETE FROM workflow_bookmarks WHERE \"Id\" IN (" + Placeholders(part.Length, 0) + ")";
            var deleted = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            if (deleted != part.Length)
                throw new DbUpdateConcurrencyException(
                    $"{part.Length - deleted} of {part.Length} bookmarks were already closed by another unit of work / Một số điểm chờ đã được xử lý ở nơi khác.");
        }
        await InsertAsync(db, ["Id", "InstanceId", "StepId", "Kind", "Key", "DueAt", "Attempts", "RemindAt", "CreatedAt", "Dataset", "DataKey"],
            Opened, b => [b.Id, b.InstanceId, b.StepId, b.Kind, b.Key, b.DueAt, b.Attempts, b.RemindAt, b.CreatedAt, b.Dataset, b.DataKey], cancellationToken);
        await InsertAsync(db, ["InstanceId", "StepId", "Event", "Outcome", "Actor", "At", "Summary"],
            Journal, j => [j.InstanceId, j.StepId, j.Event, j.Outcome, j.Actor, j.At, j.Summary], cancellationToken);
        await InsertAsync(db, ["Id", "Kind", "PayloadJson", "InstanceId", "Status", "DueAt", "Attempts", "CreatedAt"],
            Outbox, o => [o.Id, o.Kind, o.PayloadJson, o.InstanceId, o.Status, o.DueAt, o.Attempts, o.CreatedAt], cancellationToken);
        Clear();
    }

    public void Clear()
    {
        Journal.Clear();
        Outbox.Clear();
        Opened.Clear();
        Closed.Clear();
    }

    private static async Task InsertAsync<T>(AppDbContext db, string[] properties, List<T> rows, Func<T, object?[]> values,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        // Parameters made by the model's own type mappings: Guid, DateTime and converted enums are written exactly as EF Core
        // writes them (TEXT on SQLite, uuid and timestamptz on PostgreSQL), typed even when null.
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var mapped = properties.Select(p => entity.FindProperty(p)!).ToArray();
        var mappings = mapped.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var head = $"INSERT INTO {table} ({string.Join(", ", mapped.Select(p => $"\"{p.GetColumnName()}\""))}) VALUES ";
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var part in rows.Chunk(RowsPerStatement(db)))
        {
            var sql = new StringBuilder(head);
            var parameters = new List<object>(part.Length * mapped.Length);
            for (var row = 0; row < part.Length; row++)
            {
                if (row > 0)
                    sql.Append(", ");
                sql.Append('(').Append(Placeholders(mapped.Length, parameters.Count)).Append(')');
                var rowValues = values(part[row]);
                for (var column = 0; column < mapped.Length; column++)
                    parameters.Add(mappings[column].CreateParameter(factory, $"p{parameters.Count}", rowValues[column], mapped[column].IsNullable));
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    private static string Placeholders(int count, int first) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => $"{{{i}}}"));
}
