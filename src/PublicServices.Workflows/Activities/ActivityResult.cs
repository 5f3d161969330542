namespace PublicServices.Workflows.Activities;

/// <summary>What an activity did: finished with an outcome, waits, forks, halts its branch, or ends the instance.</summary>
public abstract record ActivityResult
{
    public static ActivityResult Outcome(string name, string? summary = null) => new Completed(name, summary);

    public static ActivityResult Wait(WaitRequest request) => new Waiting(request);

    public static ActivityResult Fork(IReadOnlyList<string> branches) => new Forked(branches);

    /// <summary>This branch stops here without waiting (a join still missing other branches).</summary>
    public static ActivityResult Halt() => new Halted();

    public static ActivityResult End(string result) => new Ended(result);

    public sealed record Completed(string Name, string? Summary) : ActivityResult;

    public sealed record Waiting(WaitRequest Request) : ActivityResult;

    public sealed record Forked(IReadOnlyList<string> Branches) : ActivityResult;

    public sealed record Halted : ActivityResult;

    public sealed record Ended(string Result) : ActivityResult;
}
