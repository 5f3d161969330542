using System.Runtime.CompilerServices;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>Settings of a test step that throws while <see cref="FailuresLeft"/> is positive.</summary>
public sealed record ExplodingSettings(StrongBox<int> FailuresLeft) : IStepSettings;

/// <summary>An activity that fails a given number of times, to exercise incidents and retries.</summary>
public sealed class ExplodingActivity : Activity<ExplodingSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(ExplodingSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, ExplodingSettings settings)
    {
        if (settings.FailuresLeft.Value-- > 0)
            throw new InvalidOperationException("SMTP server unreachable");
        return ActivityResult.Outcome("done");
    }
}
