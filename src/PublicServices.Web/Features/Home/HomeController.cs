using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Text;

namespace PublicServices.Web.Features.Home;

public sealed class HomeController(DefinitionRegistry definitions, AppDbContext db) : Controller
{
    /// <summary>The catalogue of published procedures; <paramref name="q"/> matches with or without diacritics.</summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var procedures = definitions.Published()
            .Where(d => string.IsNullOrWhiteSpace(q)
                        || VietnameseText.Matches($"{d.Title.Vi} {d.Title.En} {d.Description?.Vi} {d.Description?.En}", q))
            .ToList();
        var agencies = procedures.Select(p => p.Agency).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => agencies.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => new PublicServices.Workflows.Definitions.LocalizedText(u.NameVi, u.NameEn), cancellationToken);
        return View(new CatalogueModel(q, procedures, units));
    }
}
