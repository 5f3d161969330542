using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>Starts every branch at once; they meet again at a join.</summary>
public sealed class ParallelActivity : Activity<ParallelStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(ParallelStepSettings settings) => [];

    protected override ActivityResult Execute(ActivityContext context, ParallelStepSettings settings) => ActivityResult.Fork(settings.Branches);
}
