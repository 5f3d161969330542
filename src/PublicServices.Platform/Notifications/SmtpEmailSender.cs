using System.Net;
using System.Net.Mail;

namespace PublicServices.Platform.Notifications;

/// <summary>SMTP settings (<c>Notifications:Smtp:*</c>); the password comes from configuration, never the repository.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@dichvucong.example.gov.vn";
}

/// <summary>E-mail through an SMTP relay with System.Net.Mail.</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.UserName))
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        using var mail = new MailMessage(options.From, message.To, message.Subject, message.Body) { BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
        await client.SendMailAsync(mail, cancellationToken);
    }
}
