using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Identity;

namespace PublicServices.Web.Features.Audit;

/// <summary>Administrators search the audit log (read-only: there is no action that edits or deletes an entry).</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AuditController(AuditLog audit) : Controller
{
    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] string? user, [FromQuery(Name = "action")] string? kind, [FromQuery] string? target,
        [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] long? before, CancellationToken ct)
    {
        var start = from is { } f ? PublicServices.Workflows.Activities.DueDates.StartOfDay(f) : (DateTime?)null;
        var end = to is { } t ? PublicServices.Workflows.Activities.DueDates.StartOfDay(t.AddDays(1)) : (DateTime?)null;
        // "action" is also MVC's route value (the action's name): read the filter from the query string only.
        var entries = await audit.SearchAsync(user, kind, target, start, end, before, 100, ct);
        return View(new AuditModel(user, kind, target, from, to, entries));
    }
}

public sealed record AuditModel(string? User, string? Action, string? Target, DateOnly? From, DateOnly? To, IReadOnlyList<AuditRecord> Entries)
{
    public string OlderLink => $"/admin/audit?user={Uri.EscapeDataString(User ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&target={Uri.EscapeDataString(Target ?? "")}"
        + $"&from={From?.ToString("yyyy-MM-dd")}&to={To?.ToString("yyyy-MM-dd")}&before={Entries[^1].Id}";
}
