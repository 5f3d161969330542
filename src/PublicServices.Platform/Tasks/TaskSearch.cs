using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tasks;

/// <summary>
/// The keyword index of open tasks: which tasks have a word of their <see cref="TaskRecord.SearchText"/> starting with
/// a given word. The database keeps it by itself, from the tasks' rows (Persistence/Migrations/*/0002_task_search.sql),
/// in a structure that takes new entries in batches rather than one page per word:
/// <list type="bullet">
/// <item>SQLite: an FTS5 table over <c>tasks</c> (external content, kept by triggers). A transaction's words are
/// gathered in memory and written at its commit as one small sorted segment; segments are merged later. The B-tree of
/// (word, task) it replaced put each word of each task on a page of its own: the submissions' log pages fell by 18 %
/// (docs/performance.md, 27/11/2026).</item>
/// <item>PostgreSQL: a GIN index on the words as lexemes, verbatim (<c>array_to_tsvector</c>: no parser, no
/// dictionary), whose pending list batches new entries the same way.</item>
/// </list>
/// </summary>
public static class TaskSearch
{
    /// <summary>Ids of the tasks with a word starting with <paramref name="word"/> (folded: lower case, no marks, no
    /// spaces). On SQLite a superset when <paramref name="word"/> holds punctuation (FTS5 matches its letters and digits
    /// as a phrase): the caller checks the text too.</summary>
    public static IQueryable<Guid> Starting(AppDbContext db, string word)
    {
        if (db.Database.IsSqlite())
        {
            // A quoted FTS5 string is split by the table's own tokenizer; '*' makes its last token a prefix.
            var phrase = "\"" + word.Replace("\"", "\"\"") + "\"*";
            return db.Tasks.FromSql($"SELECT * FROM tasks WHERE rowid IN (SELECT rowid FROM task_search WHERE task_search MATCH {phrase})")
                .Select(t => t.Id);
        }
        // tsquery input, not to_tsquery: the word is one quoted lexeme, matched as a prefix (':*').
        var query = "'" + word.Replace("\\", "\\\\").Replace("'", "''") + "':*";
        return db.Tasks.FromSql($"SELECT * FROM tasks WHERE array_to_tsvector(array_remove(string_to_array(\"SearchText\", ' '), '')) @@ CAST({query} AS tsquery)")
            .Select(t => t.Id);
    }

    /// <summary>Whether the index can look <paramref name="word"/> up: FTS5 indexes letters and digits only.</summary>
    public static bool CanLookUp(string word) => word.Any(char.IsLetterOrDigit);
}
