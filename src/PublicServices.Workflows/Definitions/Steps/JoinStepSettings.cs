namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: join</c> — continue (outcome <c>done</c>) once every incoming branch has arrived.</summary>
public sealed record JoinStepSettings : IStepSettings;
