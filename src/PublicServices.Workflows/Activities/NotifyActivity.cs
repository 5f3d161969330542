using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>Queues a notification (delivered from the outbox with retries) and continues at once.</summary>
public sealed class NotifyActivity : Activity<NotifyStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(NotifyStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, NotifyStepSettings settings)
    {
        context.Send("notification", new JsonObject
        {
            ["instanceId"] = context.State.InstanceId,
            ["template"] = settings.Template,
            ["to"] = settings.To,
            ["step"] = context.Step.Id,
        });
        return ActivityResult.Outcome("done", settings.Template);
    }
}
