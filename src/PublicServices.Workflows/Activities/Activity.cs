using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>Base class giving each activity its typed settings record; by default a resume completes with the stimulus' outcome.</summary>
public abstract class Activity<TSettings> : IActivity where TSettings : IStepSettings
{
    public IReadOnlyCollection<string> Outcomes(ActivityContext context) => Outcomes(Settings(context));

    public ActivityResult Execute(ActivityContext context) => Execute(context, Settings(context));

    public Refusal? Check(ActivityContext context, Bookmark bookmark, Stimulus stimulus) =>
        Outcomes(context).Contains(stimulus.Outcome)
            ? Check(context, Settings(context), bookmark, stimulus)
            : new Refusal(RefusalReason.InvalidOutcome,
                $"Kết quả '{stimulus.Outcome}' không hợp lệ ở bước {context.Step.Id} / '{stimulus.Outcome}' is not an outcome of step {context.Step.Id} (allowed: {string.Join(", ", Outcomes(context))}).");

    public ActivityResult Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus) => Resume(context, Settings(context), bookmark, stimulus);

    protected abstract IReadOnlyCollection<string> Outcomes(TSettings settings);

    protected abstract ActivityResult Execute(ActivityContext context, TSettings settings);

    protected virtual Refusal? Check(ActivityContext context, TSettings settings, Bookmark bookmark, Stimulus stimulus) => null;

    protected virtual ActivityResult Resume(ActivityContext context, TSettings settings, Bookmark bookmark, Stimulus stimulus) =>
        ActivityResult.Outcome(stimulus.Outcome);

    private static TSettings Settings(ActivityContext context) => (TSettings)context.Step.Settings;
}
