using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Notifications;

namespace PublicServices.Web.Features.DevMailbox;

/// <summary>Development only: the e-mails the portal "sent" into the local mail drop, newest first.</summary>
[AllowAnonymous]
public sealed class DevMailboxController(IWebHostEnvironment environment, IServiceProvider services) : Controller
{
    [HttpGet("/dev/mailbox")]
    public IActionResult Index()
    {
        if (!environment.IsDevelopment() || services.GetService<IEmailSender>() is not MailDropEmailSender drop)
            return NotFound();
        var mails = Directory.Exists(drop.Folder)
            ? Directory.EnumerateFiles(drop.Folder, "*.eml").OrderDescending().Take(50).Select(System.IO.File.ReadAllText).ToList()
            : [];
        return View(mails);
    }
}
