using PublicServices.Platform.Engine;
using PublicServices.Platform.Tasks;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Web.Features.Work;

public sealed record QueueModel(QueueFilter Filter, TaskPage Page, int Total, DefinitionRegistry Definitions, DateTime Now,
    IReadOnlyList<PublicServices.Platform.Notifications.NotificationRecord> Messages)
{
    public LocalizedText StepTitle(TaskRecord task)
    {
        var definition = Definitions.Get(task.ProcedureId, task.ProcedureVersion);
        return definition.Flow.Steps[task.StepId].Title ?? definition.Title;
    }

    /// <summary>The outcomes offered for bulk: those of the steps on this page (one step's outcomes when filtered to it),
    /// except those that need values for each dossier (required outcome fields), which a step of the page may have.</summary>
    public IReadOnlyList<(string Id, LocalizedText Label)> Outcomes =>
        PageOutcomes.Where(o => !NeedsValues(o.Outcome)).Select(o => (o.Id, o.Outcome.Label)).DistinctBy(o => o.Id).ToList();

    /// <summary>Whether some outcome of the page was left out of <see cref="Outcomes"/> because it needs values.</summary>
    public bool OmitsOutcomesWithFields => PageOutcomes.Any(o => NeedsValues(o.Outcome) && Outcomes.All(offered => offered.Id != o.Id));

    private IEnumerable<(string Id, TaskOutcome Outcome)> PageOutcomes =>
        Page.Items.Select(t => Definitions.Get(t.ProcedureId, t.ProcedureVersion).Flow.Steps[t.StepId].Settings)
            .OfType<TaskStepSettings>()
            .SelectMany(s => s.Outcomes.Select(o => (o.Key, o.Value)));

    private static bool NeedsValues(TaskOutcome outcome) => outcome.Fields.Any(f => f.Required);

    public string Badge(TaskRecord task) =>
        task.DueAt is not { } due ? "" : due < Now ? "overdue" : due < Now + TaskQueue.DueSoonWindow ? "due-soon" : "";
}
