using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>Branches on a JsonLogic condition over the variables.</summary>
public sealed class DecisionActivity : Activity<DecisionStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(DecisionStepSettings settings) => ["true", "false"];

    protected override ActivityResult Execute(ActivityContext context, DecisionStepSettings settings) =>
        ActivityResult.Outcome(settings.Condition.IsTruthy(context.Variables) ? "true" : "false");
}
