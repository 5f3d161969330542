using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>Finishes the instance with a result (approved, refused, withdrawn…); open waits of other branches close.</summary>
public sealed class EndActivity : Activity<EndStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(EndStepSettings settings) => [];

    protected override ActivityResult Execute(ActivityContext context, EndStepSettings settings) => ActivityResult.End(settings.Result);
}
