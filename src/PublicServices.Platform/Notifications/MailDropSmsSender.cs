namespace PublicServices.Platform.Notifications;

/// <summary>
/// Development's SMS: each message is written as a small .sms text file into the same mail drop folder as e-mail
/// (<c>{DataPath}/maildrop</c>), so that <c>/dev/mailbox</c> lists both, newest first.
/// </summary>
public sealed class MailDropSmsSender(string folder, TimeProvider clock) : ISmsSender
{
    public string Folder { get; } = folder;

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        MailDrop.WriteAsync(Folder, clock.GetUtcNow(), "sms", [("To", message.To), ("Reference", message.Reference.ToString())], message.Text, cancellationToken);
}
