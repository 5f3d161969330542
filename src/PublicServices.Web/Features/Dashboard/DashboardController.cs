using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Engine;
using PublicServices.Web.Localization;
using PublicServices.Workflows.Activities;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>
/// Statistics for officials and administrators: on-time figures per week and per procedure, as a page (a form that
/// works without JavaScript, tables, and a chart when scripts run) and as a CSV file. Applicants get 403.
/// </summary>
[Authorize]
public sealed class DashboardController(DashboardReports reports, DefinitionRegistry definitions, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilter filter, CancellationToken ct) =>
        await BuildAsync(filter, ct) is { } model ? View(model) : StatusCode(StatusCodes.Status403Forbidden);

    [HttpGet("/dashboard/export.csv")]
    public async Task<IActionResult> Export([FromQuery] DashboardFilter filter, CancellationToken ct)
    {
        if (await BuildAsync(filter, ct) is not { } model)
            return StatusCode(StatusCodes.Status403Forbidden);
        return File(DashboardCsv.Write(model, l), "text/csv; charset=utf-8", DashboardCsv.FileName(DueDates.LocalDate(clock.GetUtcNow())));
    }

    private async Task<DashboardModel?> BuildAsync(DashboardFilter filter, CancellationToken ct)
    {
        // Dates that do not parse, or a range too long to read, fall back to the last 12 weeks with a message.
        if (!ModelState.IsValid || filter.IsTooLong(clock))
        {
            if (ModelState.IsValid)
                ModelState.AddModelError(nameof(DashboardFilter.From), l["Dashboard.RangeTooLong", DashboardFilter.MaxDays]);
            filter.From = null;
            filter.To = null;
        }
        return await reports.RunAsync(User, filter, ct) is { } result
            ? new DashboardModel(result.Scope, result.Report, definitions.Published(), definitions)
            : null;
    }
}
