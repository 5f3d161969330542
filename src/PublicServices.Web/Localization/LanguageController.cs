using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace PublicServices.Web.Localization;

/// <summary>The language switch: stores the choice in the standard culture cookie and goes back.</summary>
public sealed class LanguageController : Controller
{
    [HttpGet("/language/{code}")]
    public IActionResult Set(string code, string? returnUrl)
    {
        var culture = code == "en" ? PortalCultures.English : PortalCultures.Vietnamese;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
