using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Text;

namespace PublicServices.Platform.Tasks;

/// <summary>
/// The officials' queues: the tasks whose role the official holds in their unit, as one indexed query per page sorted
/// by due time with keyset paging (stays fast at 100,000 open tasks; see docs/performance.md).
/// </summary>
public sealed class TaskQueue(AppDbContext db, TimeProvider clock)
{
    /// <summary>"Due soon": due within this many hours.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(48);

    /// <summary>Every open task the official may see; the base of every queue and of every single-task lookup.</summary>
    public IQueryable<TaskRecord> Visible(OfficialScope who) =>
        who.UnitCode is null
            ? db.Tasks.Where(t => false)
            : db.Tasks.Where(t => who.Roles.Contains(t.Role) && t.UnitCode == who.UnitCode);

    public async Task<TaskPage> PageAsync(OfficialScope who, TaskQuery query, CancellationToken cancellationToken)
    {
        var tasks = Filtered(who, query);
        if (query.After is { } after)
            tasks = tasks.Where(t => t.QueueOrder > after.QueueOrder || (t.QueueOrder == after.QueueOrder && t.Id.CompareTo(after.Id) > 0));
        var size = Math.Clamp(query.PageSize, 1, 200);
        var rows = await tasks.OrderBy(t => t.QueueOrder).ThenBy(t => t.Id).Take(size + 1).AsNoTracking().ToListAsync(cancellationToken);
        var next = rows.Count > size ? new TaskCursor(rows[size - 1].QueueOrder, rows[size - 1].Id) : null;
        return new TaskPage(rows.Take(size).ToList(), next);
    }

    /// <summary>The ids of every task matching the filter (for "apply to all matching"), capped.</summary>
    public async Task<IReadOnlyList<Guid>> IdsAsync(OfficialScope who, TaskQuery query, int max, CancellationToken cancellationToken) =>
        await Filtered(who, query).OrderBy(t => t.QueueOrder).ThenBy(t => t.Id).Select(t => t.Id).Take(max).ToListAsync(cancellationToken);

    public Task<int> CountAsync(OfficialScope who, TaskQuery query, CancellationToken cancellationToken) =>
        Filtered(who, query).CountAsync(cancellationToken);

    private IQueryable<TaskRecord> Filtered(OfficialScope who, TaskQuery query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = Visible(who);
        tasks = query.View switch
        {
            TaskView.Mine => tasks.Where(t => t.ClaimedBy == who.UserId),
            TaskView.Overdue => tasks.Where(t => t.QueueOrder < now),
            TaskView.DueSoon => tasks.Where(t => t.QueueOrder >= now && t.QueueOrder < now + DueSoonWindow),
            _ => tasks,
        };
        if (!string.IsNullOrWhiteSpace(query.Procedure))
            tasks = tasks.Where(t => t.ProcedureId == query.Procedure);
        if (query.SubmittedFrom is { } from)
        {
            var start = DueDates.StartOfDay(from);
            tasks = tasks.Where(t => t.SubmittedAt >= start);
        }
        if (query.SubmittedTo is { } to)
        {
            var end = DueDates.StartOfDay(to.AddDays(1));
            tasks = tasks.Where(t => t.SubmittedAt < end);
        }
        var words = VietnameseText.Fold(query.Keyword ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5).ToList();
        if (words.Count > 0)
        {
            // The most selective word (digits first, then the longest) is looked up as a prefix in the keyword index;
            // every word is then checked on the few rows it leaves. A word of punctuation only cannot be looked up.
            var driver = words.Where(TaskSearch.CanLookUp).OrderByDescending(w => w.Any(char.IsDigit)).ThenByDescending(w => w.Length).FirstOrDefault();
            if (driver is not null)
            {
                var candidates = TaskSearch.Starting(db, driver);
                tasks = tasks.Where(t => candidates.Contains(t.Id));
            }
            foreach (var word in words)
                tasks = tasks.Where(t => t.SearchText.Contains(word));
        }
        return tasks;
    }
}
