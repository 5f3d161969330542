using PublicServices.Platform.Forms;

namespace PublicServices.Platform.Tasks;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TaskActionStatus>))]
public enum TaskActionStatus { Done, NotFound, TakenByAnother, Invalid }

/// <summary>What a claim, release, reassignment or completion did; <see cref="Message"/> says why it did not (vi / en).</summary>
public sealed record TaskActionResult(TaskActionStatus Status, string? Message = null)
{
    /// <summary>When the values of the outcome's fields were refused: the problem with each field.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];

    public static TaskActionResult Done { get; } = new(TaskActionStatus.Done);
    public static TaskActionResult NotFound { get; } = new(TaskActionStatus.NotFound, "Không tìm thấy công việc / No such task.");

    public static TaskActionResult Taken(string? by) =>
        new(TaskActionStatus.TakenByAnother, $"Công việc đang do {by} xử lý / This task is being handled by {by}.");

    public static TaskActionResult Invalid(string message) => new(TaskActionStatus.Invalid, message);
}
