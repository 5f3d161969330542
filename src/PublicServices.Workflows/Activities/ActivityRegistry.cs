using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Step type name → activity class and settings record, one line per type. The loader reads the settings type from
/// here; the runner asks <see cref="IActivityResolver"/> for instances (only that class touches the container).
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, (Type Activity, Type Settings)> types = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => types.Keys;

    public ActivityRegistry Add<TActivity, TSettings>(string name) where TActivity : Activity<TSettings> where TSettings : IStepSettings
    {
        types.Add(name, (typeof(TActivity), typeof(TSettings)));
        return this;
    }

    public bool TryGet(string name, out Type activity, out Type settings)
    {
        var found = types.TryGetValue(name, out var entry);
        (activity, settings) = entry;
        return found;
    }

    /// <summary>The step types of DESIGN.md.</summary>
    public static ActivityRegistry BuiltIn() => new ActivityRegistry()
        .Add<FormActivity, FormStepSettings>("form")
        .Add<TaskActivity, TaskStepSettings>("task")
        .Add<PaymentActivity, PaymentStepSettings>("payment")
        .Add<DocumentActivity, DocumentStepSettings>("document")
        .Add<NotifyActivity, NotifyStepSettings>("notify")
        .Add<DecisionActivity, DecisionStepSettings>("decision")
        .Add<WaitActivity, WaitStepSettings>("wait")
        .Add<SetActivity, SetStepSettings>("set")
        .Add<NumberActivity, NumberStepSettings>("number")
        .Add<DatasetActivity, DatasetStepSettings>("dataset")
        .Add<ParallelActivity, ParallelStepSettings>("parallel")
        .Add<JoinActivity, JoinStepSettings>("join")
        .Add<EndActivity, EndStepSettings>("end");
}
