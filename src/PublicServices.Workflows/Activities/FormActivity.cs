using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// The applicant fills or amends a form. Waits for "submitted" (the data replaces the form's variables) or "expired"
/// (fired by the host when the due time or the window's close passes).
/// </summary>
public sealed class FormActivity(DueDates dueDates) : Activity<FormStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(FormStepSettings settings) => ["submitted", "expired"];

    protected override ActivityResult Execute(ActivityContext context, FormStepSettings settings)
    {
        DateTimeOffset? due = settings.Due is null ? settings.Closes : dueDates.From(context.Now, settings.Due);
        if (settings.Closes is { } closes && due > closes)
            due = closes;
        var data = new JsonObject
        {
            ["form"] = settings.Form,
            ["mode"] = settings.Mode.ToString().ToLowerInvariant(),
        };
        // The request is copied into the wait, so what the applicant was asked stays fixed even if variables change later.
        if (settings.RequestedBy is { } task && context.Variables[task] is JsonObject decision)
        {
            data["reason"] = decision["reason"]?.DeepClone();
            data["fields"] = decision["data"]?["fields"]?.DeepClone() ?? new JsonArray();
        }
        return ActivityResult.Wait(new WaitRequest("form", settings.Form, due, data)
        {
            RemindAt = settings.Remind is { } remind && due is { } dueAt ? DueDates.Before(dueAt, remind.Before) : null,
        });
    }

    protected override ActivityResult Resume(ActivityContext context, FormStepSettings settings, Runtime.Bookmark bookmark, Runtime.Stimulus stimulus)
    {
        if (stimulus.Outcome == "submitted" && stimulus.Payload is not null)
            context.Variables[settings.Form] = stimulus.Payload.DeepClone();
        return ActivityResult.Outcome(stimulus.Outcome);
    }
}
