using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// The small contract of a step type (after OrchardCore.Workflows): its possible outcomes, what it does when reached,
/// whether a stimulus may resume it, and what resuming does.
/// </summary>
public interface IActivity
{
    IReadOnlyCollection<string> Outcomes(ActivityContext context);

    ActivityResult Execute(ActivityContext context);

    /// <summary>Why this stimulus may not resume the waiting step (null = it may). Called before anything changes.</summary>
    Refusal? Check(ActivityContext context, Bookmark bookmark, Stimulus stimulus);

    ActivityResult Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus);
}
