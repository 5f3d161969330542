using System.Text;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// Development's e-mail: each message is written as a plain-text .eml file in <c>{DataPath}/maildrop</c>, listed by the
/// <c>/dev/mailbox</c> page, so a newcomer sees what the portal sent without a mail server.
/// </summary>
public sealed class MailDropEmailSender(string folder, TimeProvider clock) : IEmailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var text = new StringBuilder()
            .Append("Date: ").AppendLine(now.ToString("R"))
            .Append("To: ").AppendLine(message.To)
            .Append("Subject: ").AppendLine(message.Subject)
            .AppendLine("Content-Type: text/plain; charset=utf-8")
            .AppendLine()
            .AppendLine(message.Body);
        var name = $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        await File.WriteAllTextAsync(Path.Combine(Folder, name), text.ToString(), new UTF8Encoding(false), cancellationToken);
    }
}
