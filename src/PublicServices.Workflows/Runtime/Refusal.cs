using PublicServices.Workflows.Forms;

namespace PublicServices.Workflows.Runtime;

/// <summary>Why a stimulus was not applied; nothing changed. Messages are Vietnamese / English.</summary>
public sealed record Refusal(RefusalReason Reason, string Message)
{
    /// <summary>For <see cref="RefusalReason.InvalidFields"/>: the problem with each field of the outcome.</summary>
    public IReadOnlyList<FieldProblem> FieldProblems { get; init; } = [];
}
