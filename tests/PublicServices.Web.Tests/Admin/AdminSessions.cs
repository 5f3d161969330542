using System.Net;
using AngleSharp.Html.Dom;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Admin;

/// <summary>Browsers signed in through the pages (password, then the authenticator code for officials), and form posts with repeated fields.</summary>
public static class AdminSessions
{
    public const string AdminEmail = "admin@demo.gov.vn";

    public static async Task<HttpClient> OfficialBrowserAsync(PortalFactory portal, string email, string password = DemoSeeder.DemoPassword,
        string totpKey = DemoSeeder.DemoAuthenticatorKey)
    {
        var browser = portal.Browser();
        var first = await SubmitPasswordAsync(browser, email, password);
        Assert.StartsWith("/account/login/code", first.Headers.Location?.ToString());
        var codePage = await HtmlPage.GetAsync(browser, first.Headers.Location!.ToString());
        var signedIn = await codePage.SubmitAsync(browser, "/account/login/code", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(totpKey, DateTimeOffset.UtcNow),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    public static async Task<HttpClient> ApplicantBrowserAsync(PortalFactory portal, string email)
    {
        var browser = portal.Browser();
        var signedIn = await SubmitPasswordAsync(browser, email, DemoSeeder.DemoPassword);
        Assert.Equal("/", signedIn.Headers.Location?.ToString());
        return browser;
    }

    public static async Task<HttpResponseMessage> SubmitPasswordAsync(HttpClient browser, string email, string password)
    {
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        return await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    /// <summary>Like <see cref="HtmlPage.SubmitAsync"/>, but a name may repeat (checkboxes such as Roles).</summary>
    public static async Task<HttpResponseMessage> SubmitAllAsync(this HtmlPage page, HttpClient client, string action, params (string Name, string Value)[] values)
    {
        var form = page.Document.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
                   ?? throw new InvalidOperationException($"No form posting to {action} on the page");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Name is not null && i.Type is "hidden")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Gets a page after a redirect, as the browser would (the flash message is shown there).</summary>
    public static async Task<HtmlPage> FollowAsync(HttpClient browser, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await HtmlPage.GetAsync(browser, redirect.Headers.Location!.ToString());
    }

    /// <summary>The path of a redirect, whether the handler wrote it absolute (authentication) or relative (controllers).</summary>
    public static string? PathOnly(this Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
