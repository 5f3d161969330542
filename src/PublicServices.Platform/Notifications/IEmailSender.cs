namespace PublicServices.Platform.Notifications;

/// <summary>One e-mail, in the recipient's language.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Where e-mail goes: SMTP in a real deployment, a local mail drop in Development (see <c>/dev/mailbox</c>).</summary>
public interface IEmailSender
{
    /// <exception cref="Exception">Anything that keeps the message from being handed over; the outbox retries it.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
