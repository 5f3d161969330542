using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>
/// The result of one engine call as staged on the caller's DbContext: the instance and what the run did, or why it
/// was refused (nothing staged then).
/// </summary>
public sealed record EngineOutcome(InstanceRecord? Instance, RunResult? Run, Refusal? Refusal)
{
    public bool Refused => Refusal is not null;

    public static EngineOutcome Refuse(RefusalReason reason, string message) => new(null, null, new Refusal(reason, message));
}
