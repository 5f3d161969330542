using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Issues a document: asks the host (through the outbox, so rendering and signing happen outside the transaction and
/// are retried) and waits for "done" with the document's number and code, kept under the step id. The template's data
/// is computed here, when the step is reached, so what the document says is fixed by the decision that led to it.
/// </summary>
public sealed class DocumentActivity : Activity<DocumentStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(DocumentStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, DocumentStepSettings settings)
    {
        var values = new JsonObject();
        foreach (var (name, rule) in settings.Data)
            values[name] = rule.Evaluate(context.Variables)?.DeepClone();
        var data = new JsonObject { ["template"] = settings.Template, ["signed"] = settings.Signed, ["data"] = values };
        if (settings.Issuer is { } issuer)
            data["issuer"] = issuer.Evaluate(context.Variables)?.DeepClone();
        if (settings.Replaces is { } replaces)
            data["replaces"] = replaces.Evaluate(context.Variables)?.DeepClone();
        if (settings.SignedBy is { } step)
            data["signedBy"] = context.Variables[step]?["actor"]?.DeepClone();
        return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Document, settings.Template, null, data));
    }

    protected override ActivityResult Resume(ActivityContext context, DocumentStepSettings settings, Bookmark bookmark, Stimulus stimulus)
    {
        context.Variables[context.Step.Id] = stimulus.Payload?.DeepClone() ?? new JsonObject();
        return ActivityResult.Outcome("done");
    }
}
