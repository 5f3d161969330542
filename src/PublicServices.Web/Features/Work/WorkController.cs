using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tasks;
using PublicServices.Web.Identity;
using PublicServices.Web.Localization;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Web.Features.Work;

/// <summary>
/// The officials' workspace: queues scoped to role and unit, the task page with the dossier, claim / release / reassign,
/// outcomes, bulk work and CSV export. A task or dossier outside the official's scope is a 404. Views and actions are audited.
/// </summary>
[Authorize(Policy = Officials.Policy)]
public sealed class WorkController(
    TaskQueue queue, TaskActions actions, BulkCompletion bulk, DossierQueries dossiers, DefinitionRegistry definitions, AuditLog audit,
    AppDbContext db, IFileStorage storage, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private OfficialScope Who => Officials.Scope(HttpContext);

    [HttpGet("/work")]
    public async Task<IActionResult> Index([FromQuery] QueueFilter filter, CancellationToken ct)
    {
        var query = filter.ToQuery();
        var page = await queue.PageAsync(Who, query, ct);
        var total = await queue.CountAsync(Who, query with { After = null }, ct);
        var me = Who.UserId;
        var messages = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == me && n.Channel == "in-app").OrderByDescending(n => n.CreatedAt).Take(5).ToListAsync(ct);
        return View(new QueueModel(filter, page, total, definitions, clock.GetUtcNow().UtcDateTime, messages));
    }

    [HttpGet("/work/export.csv")]
    public async Task<IActionResult> Export([FromQuery] QueueFilter filter, CancellationToken ct)
    {
        var ids = await queue.IdsAsync(Who, filter.ToQuery() with { After = null }, 10_000, ct);
        var rows = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.QueueOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var csv = new StringBuilder();
        string[] header = ["Work.Csv.Dossier", "Work.Csv.Applicant", "Work.Csv.CCCD", "Work.Csv.Procedure", "Work.Csv.Step", "Work.Csv.Submitted", "Work.Csv.Due", "Work.Csv.ClaimedBy"];
        csv.AppendLine(string.Join(",", header.Select(key => Csv(l[key]))));
        foreach (var t in rows)
            csv.AppendLine(string.Join(",", Csv(t.DossierCode), Csv(t.ApplicantName), Csv(t.Cccd), Csv(t.ProcedureId), Csv(t.StepId),
                Csv(t.SubmittedAt.AddHours(7).ToString("dd/MM/yyyy HH:mm")), Csv(t.DueAt?.AddHours(7).ToString("dd/MM/yyyy HH:mm")), Csv(t.ClaimedByName)));
        await audit.WriteAsync(Who.Actor, "tasks.export", "queue", $"{rows.Count} rows; {filter.Link()}", ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"cong-viec-{clock.GetUtcNow().AddHours(7):yyyyMMdd}.csv");
    }

    [HttpGet("/work/tasks/{id:guid}")]
    public async Task<IActionResult> Task(Guid id, CancellationToken ct) =>
        await TaskPageAsync(id, new Dictionary<string, string>(), ct) is { } model ? View("Task", model) : NotFound();

    [HttpPost("/work/tasks/{id:guid}/claim")]
    public async Task<IActionResult> Claim(Guid id, CancellationToken ct) => Outcome(id, await actions.ClaimAsync(Who, id, ct), "Work.Claimed");

    [HttpPost("/work/tasks/{id:guid}/release")]
    public async Task<IActionResult> Release(Guid id, CancellationToken ct) => Outcome(id, await actions.ReleaseAsync(Who, id, ct), "Work.Released");

    [HttpPost("/work/tasks/{id:guid}/reassign")]
    public async Task<IActionResult> Reassign(Guid id, string? to, CancellationToken ct) =>
        Outcome(id, await actions.ReassignAsync(Who, id, to ?? "", ct), "Work.Reassigned");

    [HttpPost("/work/tasks/{id:guid}/complete")]
    public async Task<IActionResult> Complete(Guid id, string? outcome, string? comment, List<string>? fields, CancellationToken ct)
    {
        var values = await OutcomeValuesAsync(id, outcome, ct);
        var result = await actions.CompleteAsync(Who, id, outcome ?? "", comment, fields, values, ct);
        if (result.Status == TaskActionStatus.Done)
        {
            TempData["Flash"] = l["Work.Completed"].Value;
            return Redirect("/work");
        }
        if (result.Status == TaskActionStatus.NotFound)
            return NotFound();
        var errors = new Dictionary<string, string>();
        foreach (var error in result.FieldErrors)
            errors.TryAdd(TaskPageModel.InputId(outcome ?? "", error.FieldId), error.Message.For(PortalCultures.Current));
        if (errors.Count == 0)
            errors["comment"] = PortalCultures.Pick(result.Message);
        foreach (var (key, message) in errors)
            ModelState.AddModelError(key, message);
        var posted = new PostedDecision(outcome, comment, fields ?? [], values ?? []);
        return await TaskPageAsync(id, errors, ct) is { } model ? View("Task", model with { Posted = posted }) : NotFound();
    }

    /// <summary>
    /// The posted values of the chosen outcome's fields (inputs named f.&lt;outcome&gt;.&lt;field&gt;), as the engine
    /// reads them: text as typed, a list for a multi-select, true/false for a checkbox. Null when the outcome has none.
    /// </summary>
    private async Task<JsonObject?> OutcomeValuesAsync(Guid id, string? outcome, CancellationToken ct)
    {
        var task = await queue.Visible(Who).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || outcome is null
            || definitions.Find(task.ProcedureId, task.ProcedureVersion)?.Flow.Steps.GetValueOrDefault(task.StepId)?.Settings is not TaskStepSettings settings
            || !settings.Outcomes.TryGetValue(outcome, out var chosen) || chosen.Fields.Count == 0)
            return null;
        var values = new JsonObject();
        foreach (var field in chosen.Fields)
        {
            var posted = Request.Form[TaskPageModel.InputName(outcome, field)];
            values[field.Id] = field.Type switch
            {
                FieldType.MultiSelect => new JsonArray(posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray()),
                FieldType.Boolean => posted.Contains("true") ? "true" : "false",
                _ => posted.FirstOrDefault() ?? "",
            };
        }
        return values;
    }

    [HttpPost("/work/bulk")]
    public async Task<IActionResult> Bulk([FromForm] QueueFilter filter, List<Guid>? ids, bool all, string? outcome, string? comment, CancellationToken ct)
    {
        var targets = all ? await queue.IdsAsync(Who, filter.ToQuery() with { After = null }, BulkCompletion.MaxTasks, ct) : ids ?? [];
        if (targets.Count == 0 || string.IsNullOrEmpty(outcome))
        {
            TempData["Flash"] = l["Work.Bulk.NothingSelected"].Value;
            return Redirect("/work?" + filter.Link());
        }
        var results = await bulk.RunAsync(Who, targets, outcome, comment, null, ct);
        return View("BulkResults", new BulkResultsModel(results, filter));
    }

    /// <summary>A dossier's file, for an official who can see one of its tasks; inline for the preview, else as a download.</summary>
    [HttpGet("/work/tasks/{id:guid}/files/{fileId:guid}")]
    public async Task<IActionResult> File(Guid id, Guid fileId, bool inline, CancellationToken ct)
    {
        var task = await queue.Visible(Who).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        var file = task?.DossierCode is { } code ? await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.DossierCode == code, ct) : null;
        if (file is null || await storage.OpenReadAsync(file.StorageKey, ct) is not { } content)
            return NotFound();
        await audit.WriteAsync(Who.Actor, "attachment.view", task!.DossierCode!, $"{file.FileName} ({file.Id})", ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        if (!inline)
            return File(content, file.ContentType, file.FileName);
        // Inline preview of the applicant's file: sandboxed so that a crafted PDF cannot script the portal.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        return File(content, file.ContentType);
    }

    private IActionResult Outcome(Guid id, TaskActionResult result, string doneKey)
    {
        if (result.Status == TaskActionStatus.NotFound)
            return NotFound();
        TempData["Flash"] = result.Status == TaskActionStatus.Done ? l[doneKey].Value : PortalCultures.Pick(result.Message);
        return Redirect($"/work/tasks/{id}");
    }

    private async Task<TaskPageModel?> TaskPageAsync(Guid id, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var who = Who;
        var task = await queue.Visible(who).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task?.DossierCode is not { } code || await dossiers.ForOfficialAsync(code, ct) is not { } dossier)
            return null;
        var files = await db.Attachments.AsNoTracking().Where(a => a.DossierCode == code).ToDictionaryAsync(a => a.Id, ct);
        var colleagues = who.IsLeader
            ? await db.HoldingRole(task.Role, task.UnitCode).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct)
            : [];
        await audit.WriteAsync(who.Actor, "dossier.view", code, $"task {id}", ct);
        return new TaskPageModel(task, dossier, definitions.Get(task.ProcedureId, task.ProcedureVersion), files, definitions.CodeLists,
            colleagues.Select(c => (c.Id, c.FullName)).ToList(), who.IsLeader, who.UserId, errors);
    }

    private static string Csv(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

public sealed record BulkResultsModel(IReadOnlyList<BulkItemResult> Results, QueueFilter Filter);
