using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;

namespace PublicServices.Web.Features.Dossiers;

/// <summary>"My dossiers": drafts to continue, submitted dossiers with their status, and one dossier's timeline.</summary>
[Authorize]
public sealed class DossiersController(DossierQueries dossiers, DraftService drafts, DefinitionRegistry definitions) : Controller
{
    [HttpGet("/dossiers")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return View(new MyDossiersModel(await drafts.MineAsync(user, ct), await dossiers.MineAsync(user, ct), definitions));
    }

    [HttpGet("/dossiers/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct) =>
        await dossiers.OwnAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, code, ct) is { } detail ? View(detail) : NotFound();
}
