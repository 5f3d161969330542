namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: end</c> — the instance finishes with <see cref="Result"/> (approved, refused, withdrawn, …).</summary>
public sealed record EndStepSettings(string Result) : IStepSettings;
