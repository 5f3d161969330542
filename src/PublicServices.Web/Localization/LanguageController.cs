using Microsoft.AspNetCore.Mvc;

namespace PublicServices.Web.Localization;

/// <summary>The language switch: stores the choice in the standard culture cookie and goes back. (On an application's
/// form page the switch is a button of the page's form instead, which saves the draft first: ApplicationsController.)</summary>
public sealed class LanguageController : Controller
{
    [HttpGet("/language/{code}")]
    public IActionResult Set(string code, string? returnUrl)
    {
        PortalCultures.Remember(Response, code);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
