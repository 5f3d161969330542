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

    /// <summary>The setting <see cref="Opens"/> was read from (<c>opens: { setting: name }</c>), so an override moves it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? OpensSetting { get; init; }

    /// <summary>The setting <see cref="Closes"/> was read from (<c>closes: { setting: name }</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ClosesSetting { get; init; }

    /// <summary>Start form only: the applicant may change the submitted form until <see cref="Closes"/>, while the instance
    /// waits at one of <see cref="FormEdits.While"/>; the waits are cancelled and the flow continues from <see cref="FormEdits.Restart"/>.</summary>
    public FormEdits? Edits { get; init; }

    /// <summary>Whether the window is open at <paramref name="now"/>: before <see cref="Opens"/> or from <see cref="Closes"/> on it is not.</summary>
    public bool IsOpen(DateTimeOffset now) => (Opens is null || now >= Opens) && (Closes is null || now < Closes);
}

/// <summary><c>edits: { while: [step, …], restart: step }</c> of the start form.</summary>
public sealed record FormEdits(IReadOnlyList<string> While, string Restart);
