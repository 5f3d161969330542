namespace PublicServices.Platform.Engine;

public sealed class OutboxWork(OutboxProcessor processor) : IBackgroundWork
{
    public string Name => "outbox";

    public Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken) => processor.ProcessDueAsync(owner, cancellationToken);
}
