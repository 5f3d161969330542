namespace PublicServices.Workflows.Definitions.Steps;

public enum FormMode { Fill, Amend }

/// <summary>
/// <c>type: form</c> — the applicant fills (or amends) a form. Outcomes: <c>submitted</c>, and <c>expired</c>
/// when <see cref="Due"/> or <see cref="Closes"/> passes first.
/// </summary>
public sealed record FormStepSettings(string Form) : IStepSettings
{
    public FormMode Mode { get; init; } = FormMode.Fill;
    public DurationSpec? Due { get; init; }
    /// <summary>Window: the form accepts submissions only between these instants (configuration may override).</summary>
    public DateTimeOffset? Opens { get; init; }
    public DateTimeOffset? Closes { get; init; }
}
