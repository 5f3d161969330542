namespace PublicServices.Workflows.Definitions.Steps;

public enum FormMode { Fill, Amend }

/// <summary>What an amendment does to the dossier's legal due date when the applicant resubmits.</summary>
public enum DeadlineOnResubmit { Keep, Pause, Restart }

/// <summary>
/// <c>type: form</c> — the applicant fills (or amends) a form. Outcomes: <c>submitted</c>, and <c>expired</c>
/// when <see cref="Due"/> or <see cref="Closes"/> passes first.
/// </summary>
public sealed record FormStepSettings(string Form) : IStepSettings, IRemindingStep
{
    public FormMode Mode { get; init; } = FormMode.Fill;
    public DurationSpec? Due { get; init; }
    /// <summary>Window: the form accepts submissions only between these instants (configuration may override).</summary>
    public DateTimeOffset? Opens { get; init; }
    public DateTimeOffset? Closes { get; init; }
    /// <summary>Amend mode: the task step whose decision asked for the supplement; its reason and its list of fields
    /// (<c>data.fields</c>) are shown to the applicant, and only those fields may change (all when the list is empty).</summary>
    public string? RequestedBy { get; init; }
    /// <summary>Amend mode: keep the due date, pause it while waiting (moved by the working days spent), or count the
    /// procedure's deadline again from the resubmission (as when the time limit runs "from the complete dossier").</summary>
    public DeadlineOnResubmit DeadlineOnResubmit { get; init; } = DeadlineOnResubmit.Keep;
    /// <summary>A reminder to the applicant before the due time (needs <see cref="Due"/> or <see cref="Closes"/>).</summary>
    public ReminderSettings? Remind { get; init; }
}
