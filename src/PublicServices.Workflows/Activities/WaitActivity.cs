using System.Globalization;
using System.Text.Json.Nodes;
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
            JsonObject? data = null;
            if (settings.Data is { } wanted)
                data = new JsonObject
                {
                    [DatasetProperty] = Text(wanted.Dataset.Evaluate(context.Variables)),
                    [DataKeyProperty] = Text(wanted.Key.Evaluate(context.Variables)),
                };
            return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Signal, SignalKey(settings.Signal, key), null, data));
        }
        var due = settings.For is not null
            ? dueDates.From(context.Now, settings.For)
            : DateTimeOffset.Parse(settings.Until!.Evaluate(context.Variables)?.ToString()
                ?? throw new InvalidOperationException("The wait's 'until' gave no date."), CultureInfo.InvariantCulture);
        return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Timer, null, due));
    }

    /// <summary>A signal wait with <c>data:</c> keeps its record under <c>&lt;step&gt;.data</c> (null when absent).</summary>
    protected override ActivityResult Resume(ActivityContext context, WaitStepSettings settings, Bookmark bookmark, Stimulus stimulus)
    {
        if (settings.Data is not null)
            context.Variables[context.Step.Id] = new JsonObject { ["data"] = stimulus.Payload?["data"]?.DeepClone() };
        return ActivityResult.Outcome(stimulus.Outcome);
    }

    /// <summary>Names in the bookmark's data of the dataset and the record key a signal wait with <c>data:</c> receives.</summary>
    public const string DatasetProperty = "dataset";
    public const string DataKeyProperty = "dataKey";

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    public static string SignalKey(string signal, string? key) => key is null ? signal : $"{signal}:{key}";
}
