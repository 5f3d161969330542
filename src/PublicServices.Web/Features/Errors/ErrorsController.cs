using Microsoft.AspNetCore.Mvc;

namespace PublicServices.Web.Features.Errors;

/// <summary>Error pages in both languages; never a stack trace outside Development.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // error pages are re-executed for failed POSTs too

public sealed class ErrorsController : Controller
{
    [Route("/error/{status:int}")]
    public IActionResult Status(int status)
    {
        Response.StatusCode = status;
        return View(status switch { 404 => "NotFound", 403 => "Forbidden", _ => "ServerError" });
    }

    [Route("/error")]
    public IActionResult Unhandled()
    {
        Response.StatusCode = 500;
        return View("ServerError");
    }
}
