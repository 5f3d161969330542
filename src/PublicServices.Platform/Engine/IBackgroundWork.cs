namespace PublicServices.Platform.Engine;

/// <summary>One kind of due work a node polls for (outbox delivery, timers). Returns how many items it handled.</summary>
public interface IBackgroundWork
{
    string Name { get; }

    Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken);
}
