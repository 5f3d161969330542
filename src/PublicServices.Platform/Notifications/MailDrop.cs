using System.Text;

namespace PublicServices.Platform.Notifications;

/// <summary>The Development mail drop (<c>{DataPath}/maildrop</c>): one small text file per message, headers then body,
/// named by time so <c>/dev/mailbox</c> lists them newest first.</summary>
internal static class MailDrop
{
    public static async Task WriteAsync(string folder, DateTimeOffset now, string extension,
        IEnumerable<(string Name, string Value)> headers, string body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder().Append("Date: ").AppendLine(now.ToString("R"));
        foreach (var (name, value) in headers)
            text.Append(name).Append(": ").AppendLine(value);
        text.AppendLine().AppendLine(body);
        var file = $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.{extension}";
        await File.WriteAllTextAsync(Path.Combine(folder, file), text.ToString(), new UTF8Encoding(false), cancellationToken);
    }
}
