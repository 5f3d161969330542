using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Sequences;

/// <summary>
/// Dense, gap-free numbers per scope that stay unique with several nodes: one atomic
/// <c>UPDATE … SET "Last" = "Last" + 1 … RETURNING</c> (the row lock serialises nodes on PostgreSQL; SQLite has one writer).
/// Call it inside the transaction that uses the number, so a rolled-back dossier gives its number back.
/// </summary>
public static class SequenceAllocator
{
    public static Task<long> NextAsync(AppDbContext db, string scope, CancellationToken cancellationToken) =>
        ReserveAsync(db, scope, 1, cancellationToken);

    /// <summary>
    /// <paramref name="count"/> consecutive numbers in one statement (a group of submissions committed together); returns
    /// the first. Still dense: the numbers belong to the caller's transaction and go back with it if it rolls back.
    /// </summary>
    public static async Task<long> ReserveAsync(AppDbContext db, string scope, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Create the scope's row once; a concurrent creator simply loses the insert.
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO sequences ("Scope", "Last") VALUES ({0}, 0) ON CONFLICT ("Scope") DO NOTHING""", [scope], cancellationToken);
        var next = await db.Database.SqlQueryRaw<long>(
            """UPDATE sequences SET "Last" = "Last" + {1} WHERE "Scope" = {0} RETURNING "Last" AS "Value" """, scope, count)
            .ToListAsync(cancellationToken);
        return next.Single() - count + 1;
    }
}
