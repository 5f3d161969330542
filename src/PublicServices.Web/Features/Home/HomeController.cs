using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Engine;
using PublicServices.Workflows.Text;

namespace PublicServices.Web.Features.Home;

public sealed class HomeController(DefinitionRegistry definitions) : Controller
{
    /// <summary>The catalogue of published procedures; <paramref name="q"/> matches with or without diacritics.</summary>
    [HttpGet("/")]
    public IActionResult Index(string? q)
    {
        var procedures = definitions.Published()
            .Where(d => string.IsNullOrWhiteSpace(q)
                        || VietnameseText.Matches($"{d.Title.Vi} {d.Title.En} {d.Description?.Vi} {d.Description?.En}", q))
            .ToList();
        return View(new CatalogueModel(q, procedures));
    }
}
