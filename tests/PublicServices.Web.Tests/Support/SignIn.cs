using PublicServices.Platform.Identity;

namespace PublicServices.Web.Tests.Support;

/// <summary>Cookie sign-in of a browser without JavaScript: applicants with a password, officials with the authenticator code too.</summary>
public static class SignIn
{
    public static async Task<HttpClient> ApplicantAsync(PortalFactory portal, string email)
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        return browser;
    }

    public static async Task<HttpClient> OfficialAsync(PortalFactory portal, string email)
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var first = await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        var codePage = await HtmlPage.GetAsync(browser, first.Headers.Location!.ToString());
        await codePage.SubmitAsync(browser, "/account/login/code", new Dictionary<string, string> { ["Code"] = Totp.Code(DemoSeeder.DemoAuthenticatorKey, DateTimeOffset.UtcNow) });
        return browser;
    }
}
