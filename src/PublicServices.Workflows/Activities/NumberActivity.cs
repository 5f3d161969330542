using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Gives the instance the next number of a counter (candidate numbers per exam council): the key from <c>sequence</c>,
/// the number from the host's <see cref="Runtime.ISequenceSource"/> (allocated in the transaction that saves the
/// instance), then the text from <c>format</c>, which sees <c>&lt;step&gt;.seq</c>. A format that gives no text, or more
/// than <see cref="NumberStepSettings.MaxLength"/> characters, faults the step and gives the number back. Outcome "done".
/// </summary>
public sealed class NumberActivity : Activity<NumberStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(NumberStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, NumberStepSettings settings)
    {
        var sequences = context.Sequences ?? throw new InvalidOperationException(
            $"Bước '{context.Step.Id}' cần bộ đếm nhưng máy chủ không cung cấp / Step '{context.Step.Id}' needs a sequence source and the host gave none.");
        var key = Text(settings.Sequence.Evaluate(context.Variables));
        if (string.IsNullOrEmpty(key) || key.Length > 128)
            throw new InvalidOperationException(
                $"Bước '{context.Step.Id}': 'sequence' phải cho một khóa 1–128 ký tự / Step '{context.Step.Id}': `sequence` must give a key of 1–128 characters, got '{key}'.");
        var seq = sequences.Next(key);
        var previous = context.Variables[context.Step.Id]?.DeepClone();
        var result = new JsonObject { ["seq"] = seq };
        context.Variables[context.Step.Id] = result;
        var value = Text(settings.Format.Evaluate(context.Variables));
        if (string.IsNullOrWhiteSpace(value) || value.Length > NumberStepSettings.MaxLength)
        {
            sequences.GiveBack(key, seq);
            context.Variables[context.Step.Id] = previous;
            throw new InvalidOperationException(
                $"Bước '{context.Step.Id}': 'format' phải cho một chuỗi 1–{NumberStepSettings.MaxLength} ký tự, nhận được '{value}' / " +
                $"Step '{context.Step.Id}': `format` must give a text of 1–{NumberStepSettings.MaxLength} characters, got '{value}' (number {seq} of '{key}' given back).");
        }
        result["value"] = value;
        return ActivityResult.Outcome("done", $"{key} #{seq}: {value}");
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
