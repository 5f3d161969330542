using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace PublicServices.Web.Localization;

/// <summary>Vietnamese first (dd/MM/yyyy, 1.000.000 ₫); English through the language switch.</summary>
public static class PortalCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    /// <summary>The specific cultures, plus the short codes "vi" and "en" accepted in <c>?culture=</c>.</summary>
    public static readonly CultureInfo[] Supported = [new(Vietnamese), new(English), new("vi"), new("en")];

    /// <summary>Short code for the html lang attribute and for choosing a text in a definition: "vi" or "en".</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "vi";

    /// <summary>Remembers the language switch's choice ("en", anything else Vietnamese) in the standard culture cookie.</summary>
    public static void Remember(HttpResponse response, string code)
    {
        var culture = code == "en" ? English : Vietnamese;
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    /// <summary>
    /// <paramref name="result"/> rendered in the switch's choice ("en", anything else Vietnamese), for a page that comes
    /// back from a post in the other language without being saved (the dossier edit form: no next request to wait for).
    /// The culture is set when the result executes: set inside an async action, it would not outlive the action.
    /// </summary>
    public static IActionResult RenderedIn(string code, IActionResult result) => new InCulture(code == "en" ? English : Vietnamese, result);

    private sealed class InCulture(string name, IActionResult inner) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return inner.ExecuteResultAsync(context);
        }
    }

    /// <summary>A Platform message written "vi / en": the half in the current language (the whole text if it has one).</summary>
    public static string Pick(string? bilingual)
    {
        var parts = (bilingual ?? "").Split(" / ", 2);
        return Current == "en" && parts.Length == 2 ? parts[1] : parts[0];
    }
}
