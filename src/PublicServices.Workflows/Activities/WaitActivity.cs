using System.Globalization;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Waits for a named signal (key "signal" or "signal:key", e.g. "results-published:2026") or until a time (a timer the
/// host fires). Outcome "done".
/// </summary>
public sealed class WaitActivity(DueDates dueDates) : Activity<WaitStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(WaitStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, WaitStepSettings settings)
    {
        if (settings.Signal is not null)
        {
            var key = settings.Key?.Evaluate(context.Variables)?.ToString();
            return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Signal, SignalKey(settings.Signal, key)));
        }
        var due = settings.For is not null
            ? dueDates.From(context.Now, settings.For)
            : DateTimeOffset.Parse(settings.Until!.Evaluate(context.Variables)?.ToString()
                ?? throw new InvalidOperationException("The wait's 'until' gave no date."), CultureInfo.InvariantCulture);
        return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Timer, null, due));
    }

    public static string SignalKey(string signal, string? key) => key is null ? signal : $"{signal}:{key}";
}
