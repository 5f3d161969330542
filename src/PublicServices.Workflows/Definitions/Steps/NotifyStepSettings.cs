namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: notify</c> — send a message from templates/notifications/ to the applicant or a role. Outcome: <c>done</c>.</summary>
public sealed record NotifyStepSettings(string Template) : IStepSettings
{
    /// <summary>"applicant" (default) or a role name.</summary>
    public string To { get; init; } = "applicant";
}
