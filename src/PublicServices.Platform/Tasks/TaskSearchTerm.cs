namespace PublicServices.Platform.Tasks;

/// <summary>
/// One searchable word of an open task (a word of the applicant's name without marks, the dossier code, the CCCD),
/// indexed by (term, task): the keyword filter starts from the most selective word's index range instead of scanning
/// every task of the unit. Deleted with its task (cascade).
/// </summary>
public sealed class TaskSearchTerm
{
    public required string Term { get; init; }
    public Guid TaskId { get; init; }

    public static IEnumerable<TaskSearchTerm> For(TaskRecord task) =>
        task.SearchText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(16)
            .Select(word => new TaskSearchTerm { Term = word.Length > 64 ? word[..64] : word, TaskId = task.Id });
}
