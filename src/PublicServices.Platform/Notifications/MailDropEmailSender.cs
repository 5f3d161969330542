namespace PublicServices.Platform.Notifications;

/// <summary>
/// Development's e-mail: each message is written as a plain-text .eml file in <c>{DataPath}/maildrop</c>, listed by the
/// <c>/dev/mailbox</c> page, so a newcomer sees what the portal sent without a mail server.
/// </summary>
public sealed class MailDropEmailSender(string folder, TimeProvider clock) : IEmailSender
{
    public string Folder { get; } = folder;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        MailDrop.WriteAsync(Folder, clock.GetUtcNow(), "eml",
            [("To", message.To), ("Subject", message.Subject), ("Content-Type", "text/plain; charset=utf-8")], message.Body, cancellationToken);
}
