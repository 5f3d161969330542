using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Web.Features.Verify;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Web.Features.Applications;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Dossiers;

/// <summary>
/// "My dossiers": drafts to continue, submitted dossiers with their status, one dossier's timeline and next action, the
/// supplement an official asked for, and withdrawal. Another applicant's dossier is a 404.
/// </summary>
[Authorize]
public sealed class DossiersController(
    DossierQueries dossiers, DraftService drafts, DefinitionRegistry definitions, DossierAmendment amendment, DossierWithdrawal withdrawal,
    AttachmentService attachments, AppDbContext db, IStringLocalizer<SharedResource> l, DossierEdit edit) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("/dossiers")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new MyDossiersModel(await drafts.MineAsync(UserId, ct), await dossiers.MineAsync(UserId, ct), definitions, drafts.ExpiresSoon));

    [HttpGet("/dossiers/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct)
    {
        if (await dossiers.OwnAsync(UserId, code, ct) is not { } detail)
            return NotFound();
        // Procedures with `edits:` say whether the applicant may still change the registration, and why not.
        if (edit.Offers(detail.Dossier.ProcedureId, detail.Dossier.ProcedureVersion))
            ViewData["Edit"] = await edit.FindAsync(UserId, code, ct);
        return View(detail);
    }

    [HttpGet("/dossiers/{code}/documents/{id:guid}")]
    public async Task<IActionResult> Document(string code, Guid id, [FromServices] IssuedDocuments documents, CancellationToken ct)
    {
        var document = await documents.OwnedAsync(id, UserId, ct);
        if (document is null || document.DossierCode != code || await documents.OpenAsync(document, ct) is not { } pdf)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(pdf, "application/pdf", DocumentFiles.Name(document));
    }

    [HttpGet("/dossiers/{code}/amend")]
    public async Task<IActionResult> Amend(string code, CancellationToken ct)
    {
        if (await amendment.FindAsync(UserId, code, ct) is not { } request)
            return await NothingToAmendAsync(code, ct);
        var detail = (await dossiers.OwnAsync(UserId, code, ct))!;
        return View("Amend", await AmendModelAsync(detail, request, FormData(detail, request), new Dictionary<string, string>(), ct));
    }

    [HttpPost("/dossiers/{code}/amend")]
    public async Task<IActionResult> Resubmit(string code, CancellationToken ct)
    {
        if (await amendment.FindAsync(UserId, code, ct) is not { } request)
            return await NothingToAmendAsync(code, ct);
        var detail = (await dossiers.OwnAsync(UserId, code, ct))!;
        var current = FormData(detail, request);
        var (input, uploadErrors) = await PostedForm.ReadAsync(Request.Form, request.Fields, current, remove: null, uploadsReplace: true, attachments, UserId, ct);
        var result = uploadErrors.Count == 0 ? await amendment.ResubmitAsync(UserId, code, input, ct) : null;
        if (result is { Accepted: true })
        {
            TempData["Flash"] = l["Dossiers.Amend.Done", code].Value;
            return Redirect($"/dossiers/{code}");
        }
        var errors = uploadErrors.Concat(result?.Errors ?? []).GroupBy(e => e.FieldId)
            .ToDictionary(g => g.Key, g => g.First().Message.For(PortalCultures.Current));
        foreach (var field in request.Fields.Where(f => errors.ContainsKey(f.Id)))
            ModelState.AddModelError(field.Id, errors[field.Id]);
        foreach (var (key, message) in errors.Where(e => request.Fields.All(f => f.Id != e.Key)))
            ModelState.AddModelError(key, message);
        return View("Amend", await AmendModelAsync(detail, request, ApplicationsController.Merge(current, input), errors, ct));
    }

    /// <summary>The submitted start form, prefilled, while the procedure's <c>edits:</c> allow a change (else back to the dossier, saying why).</summary>
    [HttpGet("/dossiers/{code}/edit")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        if (await edit.FindAsync(UserId, code, ct) is not { } permission)
            return NotFound();
        if (!permission.Allowed)
            return CannotEdit(code, permission.Refusal!);
        var detail = (await dossiers.OwnAsync(UserId, code, ct))!;
        return View("Edit", await EditModelAsync(detail, permission, permission.Values, new Dictionary<string, string>(), ct));
    }

    [HttpPost("/dossiers/{code}/edit")]
    public async Task<IActionResult> SaveEdit(string code, CancellationToken ct)
    {
        if (await edit.FindAsync(UserId, code, ct) is not { } permission)
            return NotFound();
        if (!permission.Allowed)
            return CannotEdit(code, permission.Refusal!);
        var fields = permission.Form.Pages.SelectMany(p => p.Fields).ToList();
        var (input, uploadErrors) = await PostedForm.ReadAsync(Request.Form, fields, permission.Values, remove: null, uploadsReplace: true, attachments, UserId, ct);
        var data = ApplicationsController.Merge(permission.Values, input);
        if (Request.Form["language"].FirstOrDefault() is ("en" or "vi") and var language)
        {
            // The header's language switch submits this form: nothing is applied (a change counts only with "Lưu thay đổi";
            // there is no draft to keep it in), and the form comes back in the other language with what was typed, new
            // uploads included (stored as the applicant's files, as on any post).
            PortalCultures.Remember(Response, language);
            return PortalCultures.RenderedIn(language,
                View("Edit", await EditModelAsync((await dossiers.OwnAsync(UserId, code, ct))!, permission, data, new Dictionary<string, string>(), ct)));
        }
        var result = uploadErrors.Count == 0 ? await edit.EditAsync(UserId, code, data, ct) : null;
        if (result is { Accepted: true })
        {
            TempData["Flash"] = l["Dossiers.Edit.Done", code].Value;
            return Redirect($"/dossiers/{code}");
        }
        if (result?.Refusal is { } refusal)
            return CannotEdit(code, refusal);
        var errors = uploadErrors.Concat(result?.Errors ?? []).GroupBy(e => e.FieldId)
            .ToDictionary(g => g.Key, g => g.First().Message.For(PortalCultures.Current));
        foreach (var field in fields.Where(f => errors.ContainsKey(f.Id)))
            ModelState.AddModelError(field.Id, errors[field.Id]);
        foreach (var (key, message) in errors.Where(e => fields.All(f => f.Id != e.Key)))
            ModelState.AddModelError(key, message);
        var detail = (await dossiers.OwnAsync(UserId, code, ct))!;
        return View("Edit", await EditModelAsync(detail, permission, data, errors, ct));
    }

    private RedirectResult CannotEdit(string code, Workflows.Definitions.LocalizedText why)
    {
        TempData["Flash"] = why.For(PortalCultures.Current);
        return Redirect($"/dossiers/{code}");
    }

    private async Task<EditModel> EditModelAsync(DossierDetail detail, EditPermission permission, JsonObject values, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var definition = definitions.Get(detail.Dossier.ProcedureId, detail.Dossier.ProcedureVersion);
        var fields = permission.Form.Pages.SelectMany(p => p.Fields).ToList();
        var fileIds = fields.Where(f => f.File is not null)
            .SelectMany(f => (values[f.Id] as JsonArray)?.Select(n => Guid.TryParse(n?.ToString(), out var g) ? g : Guid.Empty) ?? []).ToList();
        var files = await db.Attachments.AsNoTracking().Where(a => fileIds.Contains(a.Id) && a.OwnerId == UserId).ToDictionaryAsync(a => a.Id, ct);
        // Every page's fields in one HTML form, shown in sections titled as the registration's pages (EditModel.Sections).
        // All of them are one page for visibleWhen: fields show and hide as the applicant changes the answers they read
        // (wwwroot/js/form-logic.js); those a rule on other variables hides now are not rendered; the server ignores hidden ones.
        var form = permission.Form with { Pages = [new Workflows.Definitions.FormPage("edit", definition.Title, fields, permission.Form.Pages[0].Location)] };
        var scope = ProcedureRules.Context(definition);
        scope[form.Id] = values.DeepClone();
        var hidden = fields.Where(f => f.VisibleWhen is { } rule && !rule.IsTruthy(scope)).Select(f => f.Id).ToHashSet();
        var page = new FormPageModel(Guid.Empty, definition, form, 1, values, errors, new Dictionary<Guid, AttachmentRecord>(), definitions.CodeLists, hidden);
        return new EditModel(detail, permission, page, files);
    }

    [HttpGet("/dossiers/{code}/withdraw")]
    public async Task<IActionResult> ConfirmWithdrawal(string code, CancellationToken ct) =>
        await dossiers.OwnAsync(UserId, code, ct) is { } detail ? View("Withdraw", detail) : NotFound();

    [HttpPost("/dossiers/{code}/withdraw")]
    public async Task<IActionResult> Withdraw(string code, string? reason, CancellationToken ct)
    {
        switch (await withdrawal.WithdrawAsync(UserId, code, reason, ct))
        {
            case WithdrawalOutcome.NotFound:
                return NotFound();
            case WithdrawalOutcome.AlreadyDecided:
                TempData["Flash"] = l["Dossiers.CannotWithdraw"].Value;
                break;
            default:
                TempData["Flash"] = l["Dossiers.Withdraw.Done", code].Value;
                break;
        }
        return Redirect($"/dossiers/{code}");
    }

    private async Task<IActionResult> NothingToAmendAsync(string code, CancellationToken ct)
    {
        if (await dossiers.OwnAsync(UserId, code, ct) is null)
            return NotFound();
        TempData["Flash"] = l["Dossiers.NothingToAmend"].Value;
        return Redirect($"/dossiers/{code}");
    }

    /// <summary>The form's data as the dossier holds it now (the instance's variables).</summary>
    private static JsonObject FormData(DossierDetail detail, AmendmentRequest request) =>
        (JsonObject?)detail.Variables[request.Form.Id]?.DeepClone() ?? [];

    private async Task<AmendModel> AmendModelAsync(DossierDetail detail, AmendmentRequest request, JsonObject values, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var definition = definitions.Get(detail.Dossier.ProcedureId, detail.Dossier.ProcedureVersion);
        var fileIds = request.Fields.Where(f => f.File is not null)
            .SelectMany(f => (values[f.Id] as JsonArray)?.Select(n => Guid.TryParse(n?.ToString(), out var g) ? g : Guid.Empty) ?? []).ToList();
        var files = await db.Attachments.AsNoTracking().Where(a => fileIds.Contains(a.Id) && a.OwnerId == UserId).ToDictionaryAsync(a => a.Id, ct);
        // One page with just the requested fields; uploaded files are listed by the page, not as removable draft files.
        var form = request.Form with { Pages = [new Workflows.Definitions.FormPage("amend", definition.Title, request.Fields, request.Form.Pages[0].Location)] };
        var page = new FormPageModel(Guid.Empty, definition, form, 1, values, errors, new Dictionary<Guid, AttachmentRecord>(), definitions.CodeLists, new HashSet<string>());
        return new AmendModel(detail, request, page, files);
    }
}
