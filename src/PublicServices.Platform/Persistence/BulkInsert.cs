using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// The one multi-row writer: <c>INSERT … VALUES (…), (…)</c> statements instead of SaveChanges' one command per row — for
/// a context's staged additions (a group of submissions: ≈ 17 rows each) or for plain entity objects never tracked (a
/// batch signal's journal lines, outbox messages and bookmarks). Columns, converters and parameter types come from EF
/// Core's model, so Guids, enums stored as text and dates are written exactly as SaveChanges writes them; tables go in
/// foreign-key order; store-generated keys (journal ids) are left to the database. The caller owns the transaction.
/// </summary>
public static class BulkInsert
{
    /// <summary>Values per statement. On SQLite a statement costs no round trip and is prepared once for all the chunks of
    /// a table (<see cref="SqliteRowWriter"/>): short statements, cheap to prepare. (Through Microsoft.Data.Sqlite each
    /// parameter is bound by a name look-up that scans the statement's parameters — at 30,000 values that was a third of
    /// a submission's CPU.) On PostgreSQL each statement is a round trip: long ones (its limit is 65,535).</summary>
    public static int MaxParameters(DatabaseFacade database) => database.IsSqlite() ? 128 : 16_384;

    /// <summary>Writes every added entity of the context and clears it (the written entities are detached). Only for a
    /// context whose changes are all additions; otherwise it writes nothing and returns false (use SaveChanges).</summary>
    public static Task<bool> TryWriteAddedAsync(DbContext db, CancellationToken cancellationToken) => TryWriteAddedAsync(db, [db], cancellationToken);

    /// <summary>The same for the additions of several contexts of the same model (staged in parallel, each context on
    /// one thread), written over <paramref name="db"/>'s connection in its transaction; every source is cleared.</summary>
    public static async Task<bool> TryWriteAddedAsync(DbContext db, IReadOnlyList<DbContext> sources, CancellationToken cancellationToken)
    {
        var entries = new List<EntityEntry>();
        foreach (var source in sources)
        {
            source.ChangeTracker.DetectChanges();
            entries.AddRange(source.ChangeTracker.Entries());
        }
        if (entries.Any(e => e.State is not (EntityState.Added or EntityState.Unchanged or EntityState.Detached)))
            return false;
        var byType = entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        if (byType.Keys.Any(t => t.GetTableName() is null || t.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || t.BaseType is not null))
            return false;
        foreach (var type in InsertOrder(byType.Keys))
        {
            var rows = byType[type];
            // A key the database generates (an identity column) still holds EF's temporary value: leave the column out.
            // The entity's own getter: CurrentValues makes an object per access (≈ 130 values a submission).
            await InsertAsync(db, type, rows, p => !rows[0].Property(p.Name).IsTemporary,
                (row, p) => p.IsShadowProperty() ? row.CurrentValues[p] : p.GetGetter().GetClrValue(row.Entity), cancellationToken);
        }
        foreach (var source in sources)
            source.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Writes entity objects that the context does not track (all of one mapped type, no shadow properties).
    /// A database-generated key whose value is still the CLR default (a journal line's id) is left to the database.</summary>
    public static Task WriteAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return Task.CompletedTask;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        if (type.GetProperties().Any(p => p.IsShadowProperty()))
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties; stage it in the context instead.");
        return InsertAsync(db, type, rows, p => !(p.IsPrimaryKey() && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                                                  && Equals(p.GetGetter().GetClrValue(rows[0]), p.Sentinel)),
            (row, p) => p.GetGetter().GetClrValue(row), cancellationToken);
    }

    private static async Task InsertAsync<TRow>(DbContext db, IEntityType type, IReadOnlyList<TRow> rows, Func<IProperty, bool> written,
        Func<TRow, IProperty, object?> valueOf, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("BulkInsert writes in the caller's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && written(p))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters(db.Database) / columns.Count);
        // SQLite: one prepared statement for all the full chunks, values bound by position (SqliteRowWriter).
        using var sqlite = connection is SqliteConnection opened ? new SqliteRowWriter(opened, head, columns.Count) : null;
        await using var factory = connection.CreateCommand();
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var values = new List<DbParameter>(chunk.Length * columns.Count);
            foreach (var row in chunk)
                foreach (var (property, _, mapping) in columns)
                    values.Add(mapping.CreateParameter(factory, "p", valueOf(row, property), property.IsNullable)); // named below if sent by name
            if (sqlite is not null && sqlite.TryInsert(values))
                continue;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + values.Count * 8);
            for (var n = 0; n < values.Count; n++)
            {
                var name = "@p" + n;
                text.Append(n % columns.Count == 0 ? (n == 0 ? "(" : "), (") : ", ").Append(name);
                values[n].ParameterName = name;
                command.Parameters.Add(values[n]);
            }
            command.CommandText = text.Append(')').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Principal tables before their dependents (a task before its search words).</summary>
    private static IEnumerable<IEntityType> InsertOrder(IEnumerable<IEntityType> types)
    {
        var pending = types.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                        ?? pending[0]; // a cycle: the database's deferred checks, if any, decide
            pending.Remove(ready);
            yield return ready;
        }
    }
}
