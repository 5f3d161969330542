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
}
