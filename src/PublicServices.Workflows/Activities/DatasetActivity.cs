using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Asks the host to merge values into one dataset record (outbox kind <see cref="DatasetStepSettings.OutboxKind"/>:
/// written in the step's transaction, applied at least once after it) and continues at once. The values are computed
/// here, when the step is reached. A dataset name or key that is empty or too long faults the step. Outcome "done".
/// </summary>
public sealed class DatasetActivity : Activity<DatasetStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(DatasetStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, DatasetStepSettings settings)
    {
        var dataset = Text(settings.Dataset.Evaluate(context.Variables));
        if (string.IsNullOrEmpty(dataset) || dataset.Length > DatasetStepSettings.MaxDatasetLength)
            throw new InvalidOperationException(
                $"Bước '{context.Step.Id}': 'dataset' phải cho một tên 1–{DatasetStepSettings.MaxDatasetLength} ký tự / " +
                $"Step '{context.Step.Id}': `dataset` must give a name of 1–{DatasetStepSettings.MaxDatasetLength} characters, got '{dataset}'.");
        var key = Text(settings.Key.Evaluate(context.Variables));
        if (string.IsNullOrEmpty(key) || key.Length > DatasetStepSettings.MaxKeyLength)
            throw new InvalidOperationException(
                $"Bước '{context.Step.Id}': 'key' phải cho một khóa 1–{DatasetStepSettings.MaxKeyLength} ký tự / " +
                $"Step '{context.Step.Id}': `key` must give a key of 1–{DatasetStepSettings.MaxKeyLength} characters, got '{key}'.");
        var patch = new JsonObject();
        foreach (var (name, rule) in settings.Merge)
        {
            var value = rule?.Evaluate(context.Variables);
            var parts = name.Split('.');
            var target = patch;
            foreach (var part in parts[..^1])
            {
                if (target[part] is not JsonObject child)
                    target[part] = child = [];
                target = child;
            }
            target[parts[^1]] = value?.DeepClone();
        }
        context.Send(DatasetStepSettings.OutboxKind, new JsonObject
        {
            ["instanceId"] = context.State.InstanceId,
            ["step"] = context.Step.Id,
            ["dataset"] = dataset,
            ["key"] = key,
            ["merge"] = patch,
        });
        return ActivityResult.Outcome("done", $"{dataset}/{key}");
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
