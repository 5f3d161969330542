namespace PublicServices.Platform.Tasks;

public enum TaskView { Available, Mine, Overdue, DueSoon }

/// <summary>A queue filter; <see cref="After"/> is the cursor of the previous page (keyset paging, never OFFSET).</summary>
public sealed record TaskQuery
{
    public TaskView View { get; init; } = TaskView.Available;
    public string? Procedure { get; init; }
    /// <summary>Submission dates, Vietnam-local, inclusive.</summary>
    public DateOnly? SubmittedFrom { get; init; }
    public DateOnly? SubmittedTo { get; init; }
    /// <summary>Dossier code, applicant name (with or without marks) or CCCD.</summary>
    public string? Keyword { get; init; }
    public TaskCursor? After { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>Position in a queue: the last row's (due order, id).</summary>
public sealed record TaskCursor(DateTime QueueOrder, Guid Id)
{
    public override string ToString() => $"{QueueOrder.Ticks}.{Id:N}";

    public static TaskCursor? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is [var ticks, var id] && long.TryParse(ticks, out var t) && t >= 0 && t <= DateTime.MaxValue.Ticks && Guid.TryParseExact(id, "N", out var g)
            ? new TaskCursor(new DateTime(t, DateTimeKind.Utc), g)
            : null;
    }
}

public sealed record TaskPage(IReadOnlyList<TaskRecord> Items, TaskCursor? Next);
