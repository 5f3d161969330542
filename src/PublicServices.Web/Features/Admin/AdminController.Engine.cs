using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Engine;

namespace PublicServices.Web.Features.Admin;

public sealed partial class AdminController
{
    private const int IncidentsShown = 200;

    [HttpGet("incidents")]
    public async Task<IActionResult> Incidents(bool all, CancellationToken ct) =>
        View(new IncidentsModel(await incidents.ListAsync(all, IncidentsShown, ct), all));

    [HttpPost("incidents/{id:guid}/retry")]
    public async Task<IActionResult> RetryIncident(Guid id, bool all, CancellationToken ct)
    {
        TempData["Flash"] = await incidents.RetryAsync(id, User.Identity!.Name!, ct) switch
        {
            RetryOutcome.Retried => l["Admin.Incidents.Retried"].Value,
            RetryOutcome.NotFound => l["Admin.Incidents.NotFound"].Value,
            RetryOutcome.AlreadyResolved => l["Admin.Incidents.AlreadyResolved"].Value,
            _ => l["Admin.Incidents.NotRetryable"].Value,
        };
        return Redirect(all ? "/admin/incidents?all=true" : "/admin/incidents");
    }

    [HttpGet("procedures")]
    public async Task<IActionResult> Procedures(CancellationToken ct) => View(new ProceduresModel(await definitions.ListAsync(ct)));
}
