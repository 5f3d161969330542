namespace PublicServices.Platform.Notifications;

/// <summary>
/// One text message. <see cref="Reference"/> is the id of its delivery record: the same on every retry, so a gateway
/// that deduplicates on it never delivers a retried message twice.
/// </summary>
public sealed record SmsMessage(string To, string Text, Guid Reference);

/// <summary>Where SMS go: an HTTP gateway in a real deployment, the local mail drop in Development (see <c>/dev/mailbox</c>).</summary>
public interface ISmsSender
{
    /// <exception cref="Exception">Anything that keeps the message from being handed over; the outbox retries it.</exception>
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
