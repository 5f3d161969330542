using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Browser.Tests;

/// <summary>What the journey tests do alike: pages as a Vietnamese visitor sees them, signing in with the demo
/// password (and the demo authenticator for officials), the outbox drained as the workers would, screenshots on request.</summary>
public static class JourneyPages
{
    public static readonly bool Screenshots = Environment.GetEnvironmentVariable("PUBLICSERVICES_SCREENSHOTS") == "1";

    /// <summary>A browser asking for Vietnamese pages, in Viet Nam's time zone; script errors are collected. Chromium's own
    /// controls (the date input's mm/dd/yyyy, "Choose File") stay in English: only its en-US locale is installed.</summary>
    public static async Task<IPage> NewPageAsync(this BrowserPortal portal, ViewportSize viewport, List<string> scriptErrors)
    {
        var page = await portal.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport, Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        page.PageError += (_, error) => scriptErrors.Add(page.Url + ": " + error);
        return page;
    }

    /// <summary>Submits the sign-in form with the demo password (the caller waits for where it leads).</summary>
    public static async Task SubmitPasswordAsync(this BrowserPortal portal, IPage page, string email)
    {
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", DemoSeeder.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
    }

    /// <summary>An official: password, then the code of the demo authenticator; ends on the home page.</summary>
    public static async Task SignInOfficialAsync(this BrowserPortal portal, IPage page, string email)
    {
        await portal.SubmitPasswordAsync(page, email);
        await page.WaitForURLAsync("**/account/login/code**");
        await page.FillAsync("#Code", Totp.Code(DemoSeeder.DemoAuthenticatorKey, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");
    }

    public static async Task DrainOutboxAsync(this BrowserPortal portal)
    {
        using var scope = portal.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
        while (await outbox.ProcessDueAsync("browser-test", CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>A full-page screenshot into <paramref name="folder"/>, only with PUBLICSERVICES_SCREENSHOTS=1.</summary>
    public static async Task SnapAsync(IPage page, string folder, string name)
    {
        if (!Screenshots)
            return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
