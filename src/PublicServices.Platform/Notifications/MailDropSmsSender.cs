using System.Text;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// Development's SMS: each message is written as a small .sms text file into the same mail drop folder as e-mail
/// (<c>{DataPath}/maildrop</c>), so that <c>/dev/mailbox</c> lists both, newest first.
/// </summary>
public sealed class MailDropSmsSender(string folder, TimeProvider clock) : ISmsSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var text = new StringBuilder()
            .Append("Date: ").AppendLine(now.ToString("R"))
            .Append("To: ").AppendLine(message.To)
            .Append("Reference: ").AppendLine(message.Reference.ToString())
            .AppendLine()
            .AppendLine(message.Text);
        var name = $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.sms";
        await File.WriteAllTextAsync(Path.Combine(Folder, name), text.ToString(), new UTF8Encoding(false), cancellationToken);
    }
}
