using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>Computes variables with JsonLogic; a dotted name ("fee.total") creates the objects on its path.</summary>
public sealed class SetActivity : Activity<SetStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(SetStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, SetStepSettings settings)
    {
        foreach (var (name, rule) in settings.Variables)
        {
            var value = rule.Evaluate(context.Variables);
            var parts = name.Split('.');
            var target = context.Variables;
            foreach (var part in parts[..^1])
            {
                if (target[part] is not JsonObject child)
                    target[part] = child = [];
                target = child;
            }
            target[parts[^1]] = value?.DeepClone();
        }
        return ActivityResult.Outcome("done");
    }
}
