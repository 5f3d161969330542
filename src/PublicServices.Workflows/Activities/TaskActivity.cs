using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Officials of a role, in the unit the definition computes, choose one of the declared outcomes (with a reason when
/// the outcome demands one). The decision is kept in the variables under the step id.
/// </summary>
public sealed class TaskActivity(DueDates dueDates) : Activity<TaskStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(TaskStepSettings settings) => settings.Outcomes.Keys.ToList();

    protected override ActivityResult Execute(ActivityContext context, TaskStepSettings settings)
    {
        var unit = settings.Unit?.Evaluate(context.Variables)?.ToString() ?? context.Definition.Agency;
        var data = new JsonObject { ["role"] = settings.Role, ["unit"] = unit };
        if (settings.Due is not null)
            data["dueAt"] = dueDates.From(context.Now, settings.Due).ToString("O");
        if (settings.EscalateTo is not null)
            data["escalateTo"] = settings.EscalateTo;
        // The task's deadline is data for the officials' queue, not a timer: nothing fires when it passes.
        return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Task, $"{settings.Role}@{unit}", null, data));
    }

    protected override Refusal? Check(ActivityContext context, TaskStepSettings settings, Bookmark bookmark, Stimulus stimulus) =>
        settings.Outcomes[stimulus.Outcome].RequiresReason && string.IsNullOrWhiteSpace(stimulus.Reason)
            ? new Refusal(RefusalReason.ReasonRequired, $"Cần nêu lý do cho '{stimulus.Outcome}' / A reason is required for '{stimulus.Outcome}'.")
            : null;

    protected override ActivityResult Resume(ActivityContext context, TaskStepSettings settings, Bookmark bookmark, Stimulus stimulus)
    {
        var decision = new JsonObject
        {
            ["outcome"] = stimulus.Outcome,
            ["actor"] = stimulus.Actor,
            ["at"] = context.Now.ToString("O"),
        };
        if (stimulus.Reason is not null)
            decision["reason"] = stimulus.Reason;
        if (stimulus.Payload is not null)
            decision["data"] = stimulus.Payload.DeepClone();
        context.Variables[context.Step.Id] = decision;
        return ActivityResult.Outcome(stimulus.Outcome, stimulus.Reason);
    }
}
