using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Calendar;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>The runner with the built-in activities, and a tiny builder for definitions written in C#.</summary>
public static class TestEngine
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // 09:00 in Hà Nội

    private sealed class Resolver(IWorkingCalendar calendar) : IActivityResolver
    {
        private readonly DueDates dueDates = new(calendar);

        public IActivity Resolve(string type) => type switch
        {
            "form" => new FormActivity(dueDates),
            "task" => new TaskActivity(dueDates),
            "payment" => new PaymentActivity(dueDates),
            "document" => new DocumentActivity(),
            "notify" => new NotifyActivity(),
            "decision" => new DecisionActivity(),
            "wait" => new WaitActivity(dueDates),
            "set" => new SetActivity(),
            "number" => new NumberActivity(),
            "dataset" => new DatasetActivity(),
            "parallel" => new ParallelActivity(),
            "join" => new JoinActivity(),
            "end" => new EndActivity(),
            "explode" => new ExplodingActivity(),
            _ => throw new InvalidOperationException(type),
        };
    }

    public static WorkflowRunner Runner(IWorkingCalendar? calendar = null) => new(new Resolver(calendar ?? new WeekendOnlyCalendar()));

    public static StepDefinition Step(string id, string type, IStepSettings settings, params (string Outcome, string To)[] transitions) =>
        new(id, type, settings, transitions.ToDictionary(t => t.Outcome, t => t.To), SourceLocation.None);

    public static WorkflowDefinition Definition(string id, int version, string start, params StepDefinition[] steps) =>
        new(id, version, new LocalizedText("Thử", "Test"), "naric", null, new Dictionary<string, FormDefinition>(),
            new FlowDefinition(start, steps.ToDictionary(s => s.Id)), "hash", SourceLocation.None);

    public static TaskStepSettings TaskStep(string role, params (string Name, bool Reason)[] outcomes) =>
        new(role, outcomes.ToDictionary(o => o.Name, o => new TaskOutcome(new LocalizedText(o.Name, o.Name)) { RequiresReason = o.Reason }))
        {
            Due = new DurationSpec(2, DurationUnit.WorkingDays),
        };

    /// <summary>apply (form) → intake (task: accept / refuse with reason) → approved | refused.</summary>
    public static WorkflowDefinition Application(int version = 1) => Definition("demo", version, "apply",
        Step("apply", "form", new FormStepSettings("application"), ("submitted", "intake"), ("expired", "withdrawn")),
        Step("intake", "task", TaskStep("recognition-officer", ("accept", false), ("refuse", true)), ("accept", "approved"), ("refuse", "refused")),
        Step("approved", "end", new EndStepSettings("approved")),
        Step("refused", "end", new EndStepSettings("refused")),
        Step("withdrawn", "end", new EndStepSettings("withdrawn")));

    public static Stimulus Answer(RunResult run, string outcome, string actor = "tester", string? reason = null, JsonObject? payload = null)
    {
        var bookmark = run.State.Bookmarks.Single();
        return new Stimulus(bookmark.Id, bookmark.Kind, outcome, actor) { Reason = reason, Payload = payload };
    }
}
