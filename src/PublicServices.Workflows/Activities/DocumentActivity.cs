using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Issues a document: asks the host (through the outbox, so rendering and signing happen outside the transaction and
/// are retried) and waits for "done" with the document's number and code, kept under the step id.
/// </summary>
public sealed class DocumentActivity : Activity<DocumentStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(DocumentStepSettings settings) => ["done"];

    protected override ActivityResult Execute(ActivityContext context, DocumentStepSettings settings)
    {
        var data = new JsonObject { ["template"] = settings.Template, ["signed"] = settings.Signed };
        return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Document, settings.Template, null, data));
    }

    protected override ActivityResult Resume(ActivityContext context, DocumentStepSettings settings, Bookmark bookmark, Stimulus stimulus)
    {
        context.Variables[context.Step.Id] = stimulus.Payload?.DeepClone() ?? new JsonObject();
        return ActivityResult.Outcome("done");
    }
}
