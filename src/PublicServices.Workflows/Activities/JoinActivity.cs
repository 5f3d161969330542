using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Continues once every incoming branch has arrived: the number expected is the number of transitions in the
/// definition that lead to this step. Earlier arrivals halt their branch.
/// </summary>
public sealed class JoinActivity : Activity<JoinStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(JoinStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, JoinStepSettings settings)
    {
        var stepId = context.Step.Id;
        var expected = context.Definition.Flow.Steps.Values
            .SelectMany(s => s.Transitions.Values.Concat(s.Settings is ParallelStepSettings p ? p.Branches : []))
            .Count(target => target == stepId);
        var arrived = context.State.JoinArrivals.GetValueOrDefault(stepId) + 1;
        if (arrived < expected)
        {
            context.State.JoinArrivals[stepId] = arrived;
            return ActivityResult.Halt();
        }
        context.State.JoinArrivals.Remove(stepId);
        return ActivityResult.Outcome("done");
    }
}
