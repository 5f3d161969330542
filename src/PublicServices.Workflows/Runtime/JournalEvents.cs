namespace PublicServices.Workflows.Runtime;

public static class JournalEvents
{
    public const string Started = "started";
    public const string Waiting = "waiting";
    public const string Completed = "completed";
    public const string Faulted = "faulted";
    public const string Retried = "retried";
    public const string Cancelled = "cancelled";
    public const string Ended = "ended";
    /// <summary>The applicant changed the submitted form and the flow went back (<c>edits:</c>).</summary>
    public const string Edited = "edited";
}
