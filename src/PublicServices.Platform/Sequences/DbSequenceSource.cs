using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Sequences;

/// <summary>
/// The counters of <c>number</c> steps on the engine's context: the first number of a key in a unit of work reads its
/// row once (tracked), later ones count in memory, and the unit's <c>SaveChanges</c> writes each counter once with the
/// instances — <c>UPDATE sequences SET "Last" = new WHERE "Scope" = key AND "Last" = read</c> (<c>Last</c> is a
/// concurrency token). So a broadcast chunk of 500 instances costs one read and one write per council, a save that fails
/// or never happens gives every number back, and two nodes numbering the same key at once cannot both win: the loser's
/// whole transaction fails with <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> (or a duplicate
/// key for a new counter) and is redone.
/// </summary>
public sealed class DbSequenceSource(AppDbContext db) : ISequenceSource
{
    public long Next(string key)
    {
        var record = db.Sequences.Find(key);
        if (record is null)
        {
            record = new SequenceRecord { Scope = key, Last = 0 };
            db.Sequences.Add(record);
        }
        return ++record.Last;
    }

    public void GiveBack(string key, long value)
    {
        var record = db.Sequences.Local.FindEntry(key)?.Entity;
        if (record is null || record.Last != value)
            throw new InvalidOperationException($"Only the last number taken of '{key}' can be given back (last {record?.Last}, given {value}).");
        record.Last--;
    }
}
