using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Notifications;

namespace PublicServices.Web.Features.Admin;

public sealed partial class AdminController
{
    /// <summary>The delivery log: every notification (in-app, e-mail, SMS) with its status, newest first.</summary>
    [HttpGet("notifications")]
    public async Task<IActionResult> Notifications([FromServices] NotificationLog log, string? status, string? channel, string? code, int page, CancellationToken ct)
    {
        // Unknown values (a hand-edited address) filter nothing rather than everything.
        status = NotificationStatus.All.Contains(status) ? status : null;
        channel = NotificationChannels.All.Contains(channel) ? channel : null;
        var filter = new DeliveryFilter(status, channel, string.IsNullOrWhiteSpace(code) ? null : code.Trim());
        return View(new NotificationsModel(filter, await log.PageAsync(filter, page, ct)));
    }
}
