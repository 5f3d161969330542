namespace PublicServices.Workflows.Runtime;

/// <summary>The stimulus kinds the engine knows. Hosts fulfil form, task, payment and document waits.</summary>
public static class BookmarkKinds
{
    public const string Form = "form";
    public const string Task = "task";
    public const string Payment = "payment";
    public const string Document = "document";
    public const string Signal = "signal";
    public const string Timer = "timer";
}
