using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Web.Features.Verify;
using PublicServices.Web.Identity;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.DocumentRegister;

/// <summary>
/// The register of documents an official's unit issued: find one by number, dossier or verification code, open its
/// PDF, and — for the unit's leaders — revoke it with a reason (shown on the public verification page, audited).
/// A document of another unit is a 404.
/// </summary>
[Authorize(Policy = Officials.Policy)]
public sealed class DocumentRegisterController(IssuedDocuments documents, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/work/documents")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        var who = Officials.Scope(HttpContext);
        return View(new DocumentRegisterModel(q, await documents.OfUnitAsync(who, q, 100, ct), who.IsLeader));
    }

    [HttpGet("/work/documents/{id:guid}")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken ct)
    {
        var document = await documents.FindForUnitAsync(Officials.Scope(HttpContext), id, ct);
        if (document is null || await documents.OpenAsync(document, ct) is not { } pdf)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(pdf, "application/pdf", DocumentFiles.Name(document));
    }

    [HttpPost("/work/documents/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, string? reason, CancellationToken ct)
    {
        switch (await documents.RevokeAsync(id, Officials.Scope(HttpContext), reason, ct))
        {
            case RevocationResult.NotFound:
                return NotFound();
            case RevocationResult.ReasonRequired:
                TempData["Flash"] = l["Documents.Revoke.ReasonRequired"].Value;
                break;
            case RevocationResult.AlreadyRevoked:
                TempData["Flash"] = l["Documents.Revoke.Already"].Value;
                break;
            default:
                TempData["Flash"] = l["Documents.Revoke.Done"].Value;
                break;
        }
        return Redirect("/work/documents");
    }
}

public sealed record DocumentRegisterModel(string? Search, IReadOnlyList<IssuedDocumentRecord> Documents, bool CanRevoke);
