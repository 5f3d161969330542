using PublicServices.Platform.Engine;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Work;

public sealed record QueueModel(QueueFilter Filter, TaskPage Page, int Total, DefinitionRegistry Definitions, DateTime Now,
    IReadOnlyList<PublicServices.Platform.Notifications.NotificationRecord> Messages)
{
    public LocalizedText StepTitle(TaskRecord task)
    {
        var definition = Definitions.Get(task.ProcedureId, task.ProcedureVersion);
        return definition.Flow.Steps[task.StepId].Title ?? definition.Title;
    }

    /// <summary>The outcomes offered for bulk: those of the steps on this page (one step's outcomes when filtered to it).</summary>
    public IReadOnlyList<(string Id, LocalizedText Label)> Outcomes =>
        Page.Items.Select(t => Definitions.Get(t.ProcedureId, t.ProcedureVersion).Flow.Steps[t.StepId].Settings)
            .OfType<PublicServices.Workflows.Definitions.Steps.TaskStepSettings>()
            .SelectMany(s => s.Outcomes.Select(o => (o.Key, o.Value.Label)))
            .DistinctBy(o => o.Key).ToList();

    public string Badge(TaskRecord task) =>
        task.DueAt is not { } due ? "" : due < Now ? "overdue" : due < Now + TaskQueue.DueSoonWindow ? "due-soon" : "";
}
