using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Web.Localization;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Web.Features.Applications;

/// <summary>
/// Filling in an application without JavaScript: one page at a time (saved as a draft at every "next"), a "check your
/// answers" page, and the submission that makes the dossier. Only the draft's owner reaches any of it.
/// </summary>
[Authorize]
public sealed class ApplicationsController(
    DefinitionRegistry definitions, DraftService drafts, FormValidator validator, AttachmentService attachments,
    DossierSubmission submission, DossierOrigins origins, UserManager<ApplicationUser> users, AppDbContext db, IStringLocalizer<SharedResource> l,
    TimeProvider clock) : Controller
{
    /// <param name="from">For a procedure with <c>startsFrom:</c>: the applicant's dossier it starts from (a link on that dossier's page).</param>
    [HttpGet("/procedures/{id}/start")]
    public async Task<IActionResult> Start(string id, string? from, CancellationToken ct)
    {
        if (definitions.Latest(id) is not { } definition || FirstForm(definition) is null)
            return NotFound();
        // Outside the start form's window no draft is made: the catalogue says when it opens (or that it closed).
        if (ProcedureRules.WindowRefusal(definition, clock.GetUtcNow()) is { } closed)
        {
            TempData["Flash"] = closed.For(PortalCultures.Current);
            return Redirect("/");
        }
        var origin = await origins.CheckAsync(UserId, definition, from, ct);
        switch (origin.Problem)
        {
            case OriginProblem.NotFound:
                return NotFound();
            case OriginProblem.ParentRequired:
                TempData["Flash"] = origin.Message!.For(PortalCultures.Current);
                return Redirect("/");
            case OriginProblem.NotEligible or OriginProblem.WindowClosed:
                TempData["Flash"] = origin.Message!.For(PortalCultures.Current);
                return Redirect($"/dossiers/{from}");
        }
        var draft = await drafts.StartAsync(UserId, definition, await PrefillAsync(FirstForm(definition)!, origin.Source), ct, origin.Parent?.Code);
        return Redirect($"/drafts/{draft.Id}/pages/1");
    }

    [HttpGet("/drafts/{id:guid}/pages/{page:int}")]
    public async Task<IActionResult> Page(Guid id, int page, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not var (draft, definition, form) || page < 1 || page > form.Pages.Count)
            return NotFound();
        return View("Page", await ModelAsync(draft, definition, form, page, JsonNode.Parse(draft.DataJson)!.AsObject(), new Dictionary<string, string>(), ct));
    }

    [HttpPost("/drafts/{id:guid}/pages/{page:int}")]
    public async Task<IActionResult> SavePage(Guid id, int page, string? remove, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not var (draft, definition, form) || page < 1 || page > form.Pages.Count)
            return NotFound();
        var data = JsonNode.Parse(draft.DataJson)!.AsObject();
        var language = Request.Form["language"].FirstOrDefault() is "en" or "vi" ? Request.Form["language"].First() : null;
        if (language is not null)
            return await SwitchLanguageAsync(draft, definition, form, page, data, remove, language, ct);
        if (ProcedureRules.WindowRefusal(definition, clock.GetUtcNow()) is { } closed)
        {
            // Nothing is saved outside the window; the draft stays as it was.
            ModelState.AddModelError("", closed.For(PortalCultures.Current));
            return View("Page", await ModelAsync(draft, definition, form, page, data, new Dictionary<string, string> { [""] = closed.For(PortalCultures.Current) }, ct));
        }
        var (input, uploadErrors) = await PostedForm.ReadAsync(Request.Form, form.Pages[page - 1].Fields, data, remove, uploadsReplace: false, attachments, UserId, ct);
        var result = validator.Validate(form, [form.Pages[page - 1]], input, checkRules: false, context: Context(definition, form, data));
        var errors = result.Errors.Concat(uploadErrors).GroupBy(e => e.FieldId).ToDictionary(g => g.Key, g => g.First().Message.For(PortalCultures.Current));
        // The page's files as the submission will check them (kind, size, pixels): a too small photo is refused here.
        if (uploadErrors.Count == 0)
            foreach (var error in await attachments.CheckAsync(UserId, form with { Pages = [form.Pages[page - 1]] }, result.Values, ct))
                errors.TryAdd(error.FieldId, error.Message.For(PortalCultures.Current));
        if (errors.Count == 0 && Request.Form["next"].Count > 0)
            foreach (var (fieldId, message) in PageRuleErrors(definition, form, page, data, result.Values))
                errors.TryAdd(fieldId, message.For(PortalCultures.Current));
        if (errors.Count > 0 || remove is not null || Request.Form.Files.Count > 0 && Request.Form["next"].Count == 0)
        {
            // Keep what was typed; uploads and removals are saved at once so nothing is lost.
            await drafts.SaveAsync(draft, input, ct);
            // The summary lists problems in the order of the fields on the page.
            foreach (var field in form.Pages[page - 1].Fields.Where(f => errors.ContainsKey(f.Id)))
                ModelState.AddModelError(field.Id, errors[field.Id]);
            return View("Page", await ModelAsync(draft, definition, form, page, Merge(data, input), errors, ct));
        }
        await drafts.SaveAsync(draft, result.Values, ct);
        return Redirect(page < form.Pages.Count ? $"/drafts/{id}/pages/{page + 1}" : $"/drafts/{id}/review");
    }

    /// <summary>
    /// The header's language switch on a form page submits the page: what was typed is kept in the draft as typed (not
    /// checked, as when a page has errors; new uploads are stored), then the same page comes back in the other language.
    /// Outside the window nothing is saved, as for any save.
    /// </summary>
    private async Task<IActionResult> SwitchLanguageAsync(DraftRecord draft, WorkflowDefinition definition, FormDefinition form, int page,
        JsonObject data, string? remove, string language, CancellationToken ct)
    {
        if (ProcedureRules.WindowRefusal(definition, clock.GetUtcNow()) is null)
        {
            var (input, _) = await PostedForm.ReadAsync(Request.Form, form.Pages[page - 1].Fields, data, remove, uploadsReplace: false, attachments, UserId, ct);
            await drafts.SaveAsync(draft, input, ct);
        }
        PortalCultures.Remember(Response, language);
        return Redirect($"/drafts/{draft.Id}/pages/{page}");
    }

    [HttpGet("/drafts/{id:guid}/review")]
    public async Task<IActionResult> Review(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not var (draft, definition, form))
            return NotFound();
        return View("Review", await ModelAsync(draft, definition, form, 1, JsonNode.Parse(draft.DataJson)!.AsObject(), new Dictionary<string, string>(), ct));
    }

    [HttpPost("/drafts/{id:guid}/submit")]
    public async Task<IActionResult> Submit(Guid id, bool declaration, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not var (draft, definition, form))
            return NotFound();
        var data = JsonNode.Parse(draft.DataJson)!.AsObject();
        var errors = new Dictionary<string, string>();
        if (!declaration)
            errors["declaration"] = l["Applications.Declaration.Required"];
        else
        {
            var result = await submission.SubmitAsync(UserId, definition.Id, data, draft.Id.ToString("N"), DeclarationText.Current(l), ct, draft.ParentDossierCode);
            if (result.Origin is { Allowed: false, Message: { } refused })
                errors[""] = refused.For(PortalCultures.Current);
            if (result.Dossier is { } dossier)
            {
                await drafts.RemoveAsync(draft, ct);
                TempData["Flash"] = l["Applications.Submitted", dossier.Code].Value;
                return Redirect($"/dossiers/{dossier.Code}");
            }
            foreach (var error in result.Errors)
                errors.TryAdd(error.FieldId, error.Message.For(PortalCultures.Current));
        }
        foreach (var (key, message) in errors)
            ModelState.AddModelError(key, message);
        return View("Review", await ModelAsync(draft, definition, form, 1, data, errors, ct));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static FormDefinition? FirstForm(WorkflowDefinition definition) =>
        definition.Flow.Steps[definition.Flow.Start].Settings is FormStepSettings first ? definition.Forms[first.Form] : null;

    private async Task<(DraftRecord, WorkflowDefinition, FormDefinition)?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await drafts.FindAsync(UserId, id, ct) is not { } draft || definitions.Latest(draft.ProcedureId) is not { } definition
            || FirstForm(definition) is not { } form)
            return null;
        return (draft, definition, form);
    }

    /// <summary>The seam where national-database prefill will plug in: for now, the applicant's own account, and the values
    /// copied from the parent dossier (<c>prefill: source.key</c>).</summary>
    private async Task<JsonObject> PrefillAsync(FormDefinition form, JsonObject? source)
    {
        var user = await users.GetUserAsync(User);
        var values = new JsonObject();
        foreach (var field in form.Pages.SelectMany(p => p.Fields).Where(f => f.Prefill is not null))
        {
            if (field.Prefill!.StartsWith(StartsFrom.Variable + ".", StringComparison.Ordinal))
            {
                if (source?[field.Prefill[(StartsFrom.Variable.Length + 1)..]] is { } copied)
                    values[field.Id] = copied.DeepClone();
                continue;
            }
            var value = field.Prefill switch
            {
                "fullName" => user?.FullName,
                "dateOfBirth" => user?.DateOfBirth?.ToString("yyyy-MM-dd"),
                "cccd" => user?.Cccd,
                "phone" => user?.PhoneNumber,
                "email" => user?.Email,
                _ => null,
            };
            if (!string.IsNullOrEmpty(value))
                values[field.Id] = value;
        }
        return values;
    }

    /// <summary>What rules of the form read: its answers and the procedure's <c>settings</c>.</summary>
    private static JsonObject Context(WorkflowDefinition definition, FormDefinition form, JsonObject values)
    {
        var context = ProcedureRules.Context(definition);
        context[form.Id] = values.DeepClone();
        return context;
    }

    /// <summary>The rules about this page's fields that fail on its answers over the stored ones (<see cref="SamePageRules.CheckableOn"/>).</summary>
    private static IEnumerable<(string FieldId, LocalizedText Message)> PageRuleErrors(WorkflowDefinition definition, FormDefinition form, int page,
        JsonObject stored, JsonObject values)
    {
        var answers = (JsonObject)stored.DeepClone();
        foreach (var field in form.Pages[page - 1].Fields)
            answers.Remove(field.Id); // a field the page's rules hide now is absent, as at the submission
        var scope = Context(definition, form, Merge(answers, values));
        return SamePageRules.CheckableOn(form, page).Where(r => !r.Rule.IsTruthy(scope)).Select(r => (r.Fields[0], r.Message));
    }

    internal static JsonObject Merge(JsonObject data, JsonObject input)
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var (key, value) in input)
            merged[key] = value?.DeepClone();
        return merged;
    }

    private async Task<FormPageModel> ModelAsync(DraftRecord draft, WorkflowDefinition definition, FormDefinition form, int page,
        JsonObject values, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var ids = form.Pages.SelectMany(p => p.Fields).Where(f => f.Type == FieldType.File)
            .SelectMany(f => (values[f.Id] as JsonArray)?.Select(n => Guid.TryParse(n?.ToString(), out var g) ? g : Guid.Empty) ?? [])
            .ToList();
        var uploads = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id) && a.OwnerId == draft.ApplicantId).ToDictionaryAsync(a => a.Id, ct);
        var scope = Context(definition, form, values);
        var hidden = form.Pages.SelectMany(p => p.Fields).Where(f => f.VisibleWhen is { } rule && !rule.IsTruthy(scope)).Select(f => f.Id).ToHashSet();
        return new FormPageModel(draft.Id, definition, form, page, values, errors, uploads, definitions.CodeLists, hidden);
    }
}
