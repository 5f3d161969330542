using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>type: task</c> — officials holding <see cref="Role"/> in the unit computed by <see cref="Unit"/> choose
/// one of <see cref="Outcomes"/>. The chosen outcome name is the step's outcome.
/// </summary>
public sealed record TaskStepSettings(string Role, IReadOnlyDictionary<string, TaskOutcome> Outcomes) : IStepSettings
{
    /// <summary>Unit code over the instance variables (e.g. the grade-12 school); null = the procedure's agency.</summary>
    public JsonLogicRule? Unit { get; init; }
    public DurationSpec? Due { get; init; }
    /// <summary>When the task is overdue: notify this role (e.g. the unit leader) and mark it overdue.</summary>
    public string? EscalateTo { get; init; }
}

/// <summary>One button on the task page.</summary>
public sealed record TaskOutcome(LocalizedText Label)
{
    /// <summary>The official must give a reason (refuse, request supplement).</summary>
    public bool RequiresReason { get; init; }
    /// <summary>Choosing this outcome sets the dossier's legal deadline to this long from its submission (e.g. 45 working
    /// days when verification abroad is needed).</summary>
    public DurationSpec? DossierDeadline { get; init; }
    /// <summary>What the official records with this decision (a diploma number, a degree's Vietnamese title): fields with
    /// the form syntax, except uploads and <c>visibleWhen</c>. Kept in the variables as <c>&lt;step&gt;.fields.&lt;id&gt;</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
}
