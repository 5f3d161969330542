using Microsoft.AspNetCore.Mvc;

namespace PublicServices.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
