using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Forms;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Officials of a role, in the unit the definition computes, choose one of the declared outcomes (with a reason when
/// the outcome demands one, and the values of the outcome's fields, checked like form values). The decision is kept in
/// the variables under the step id: outcome, actor, at, reason, data, and fields (typed, under their ids).
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

    protected override Refusal? Check(ActivityContext context, TaskStepSettings settings, Bookmark bookmark, Stimulus stimulus)
    {
        var outcome = settings.Outcomes[stimulus.Outcome];
        if (outcome.RequiresReason && string.IsNullOrWhiteSpace(stimulus.Reason))
            return new Refusal(RefusalReason.ReasonRequired, $"Cần nêu lý do cho '{stimulus.Outcome}' / A reason is required for '{stimulus.Outcome}'.");
        var (_, problems) = FieldValues.Validate(outcome.Fields, stimulus.Fields, context.Definition.CodeLists, context.Now.Year);
        if (problems.Count == 0)
            return null;
        string List(Func<LocalizedText, string> language) =>
            string.Join("; ", problems.Select(p => $"{Label(outcome, p.FieldId, language)}: {language(p.Message)}"));
        return new Refusal(RefusalReason.InvalidFields,
            $"Thông tin kèm '{outcome.Label.Vi}' chưa đúng: {List(t => t.Vi)} / The fields of '{outcome.Label.En}' are not valid: {List(t => t.En)}")
        {
            FieldProblems = problems,
        };
    }

    private static string Label(TaskOutcome outcome, string fieldId, Func<LocalizedText, string> language) =>
        outcome.Fields.FirstOrDefault(f => f.Id == fieldId) is { } field ? language(field.Label) : fieldId;

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
        var fields = settings.Outcomes[stimulus.Outcome].Fields;
        if (fields.Count > 0)
            decision["fields"] = FieldValues.Validate(fields, stimulus.Fields, context.Definition.CodeLists, context.Now.Year).Values;
        context.Variables[context.Step.Id] = decision;
        return ActivityResult.Outcome(stimulus.Outcome, stimulus.Reason);
    }
}
