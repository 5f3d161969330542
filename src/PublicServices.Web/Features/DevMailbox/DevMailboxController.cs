using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Notifications;

namespace PublicServices.Web.Features.DevMailbox;

/// <summary>One message in the mail drop: an e-mail (.eml) or an SMS (.sms).</summary>
public sealed record DroppedMessage(bool IsSms, string Text);

/// <summary>Development only: the e-mails and SMS the portal "sent" into the local mail drop, newest first.</summary>
[AllowAnonymous]
public sealed class DevMailboxController(IWebHostEnvironment environment, IServiceProvider services) : Controller
{
    [HttpGet("/dev/mailbox")]
    public IActionResult Index()
    {
        var folder = (services.GetService<IEmailSender>() as MailDropEmailSender)?.Folder ?? (services.GetService<ISmsSender>() as MailDropSmsSender)?.Folder;
        if (!environment.IsDevelopment() || folder is null)
            return NotFound();
        // File names start with the time written, so one ordering interleaves both kinds.
        var messages = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".sms", StringComparison.Ordinal))
                .OrderDescending(StringComparer.Ordinal).Take(50)
                .Select(f => new DroppedMessage(f.EndsWith(".sms", StringComparison.Ordinal), System.IO.File.ReadAllText(f))).ToList()
            : [];
        return View(messages);
    }
}
