using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Writes a context's staged new rows with multi-row <c>INSERT … VALUES (…), (…)</c> statements — one statement per table
/// and up to <see cref="MaxParameters"/> values — instead of SaveChanges' one command per row. For a group of
/// submissions (≈ 17 rows each: instance, task bookmark, task, its search words, journal lines, outbox, dossier) that is
/// a handful of statements instead of thousands. Columns, converters and parameter types come from EF Core's model
/// (so Guids, enums stored as text and dates are written exactly as SaveChanges writes them); tables go in foreign-key
/// order; store-generated keys (journal ids) are left to the database.
/// Only for a context whose changes are all additions; otherwise it writes nothing and returns false (use SaveChanges).
/// The caller owns the transaction. Afterwards the context is cleared: the written entities are detached.
/// </summary>
public static class BulkInsert
{
    /// <summary>Below SQLite's limit of bound values per statement (32,766) and PostgreSQL's (65,535).</summary>
    private const int MaxParameters = 30_000;

    public static async Task<bool> TryWriteAddedAsync(DbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is not (EntityState.Added or EntityState.Unchanged or EntityState.Detached)))
            return false;
        var byType = entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        if (byType.Keys.Any(t => t.GetTableName() is null || t.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || t.BaseType is not null))
            return false;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("BulkInsert needs the caller's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in InsertOrder(byType.Keys))
            await InsertAsync(connection, transaction, sql, type, byType[type], cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, IEntityType type,
        List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // A key the database generates (an identity column) still holds EF's temporary value: leave the column out.
        var columns = type.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !rows[0].Property(p.Name).IsTemporary)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + chunk.Length * columns.Count * 8);
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                var values = chunk[r].CurrentValues;
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + n++;
                    text.Append(c == 0 ? name : ", " + name);
                    var (property, _, mapping) = columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, name, values[property], property.IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
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
