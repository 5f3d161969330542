using System.Text.RegularExpressions;
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

    /// <summary>Waits until the page has navigated to <paramref name="url"/> (a glob), without waiting for its "load"
    /// event: the caller's next step is an auto-waiting expectation on the new page's content. Once in CI the "load"
    /// event of the sandbox gateway's page never reached Playwright (30 s; the URL had matched and "networkidle" had
    /// fired), so a plain <c>WaitForURLAsync</c> failed a journey that had worked.</summary>
    public static Task ArrivesAtAsync(this IPage page, string url) =>
        page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });

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

    /// <summary>Opens the collapsed menu of a narrow screen and waits until Bootstrap has finished showing it: a click
    /// while it is still "collapsing" (height animating, the items clipped) may land on nothing.</summary>
    public static async Task OpenPhoneMenuAsync(IPage page)
    {
        await page.ClickAsync("header .navbar-toggler");
        await Assertions.Expect(page.Locator("header #nav")).ToHaveClassAsync(new Regex(@"(^|\s)show(\s|$)"));
        await Assertions.Expect(page.Locator("header .navbar-toggler")).ToHaveAttributeAsync("aria-expanded", "true");
    }

    /// <summary>Signs out with the header's "Đăng xuất" (opening the phone menu when the menu is collapsed) and returns
    /// once the sign-out POST has answered and the page it redirects to shows the signed-out header. The address does not
    /// tell (from "/" it comes back to "/"), so the POST's own response is awaited, and its status checked: a refused
    /// post (antiforgery) must fail here, not as a header that "still shows the name".</summary>
    public static async Task SignOutAsync(IPage page)
    {
        if (await page.Locator("header .navbar-toggler").IsVisibleAsync())
            await OpenPhoneMenuAsync(page);
        var button = page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" });
        await Assertions.Expect(button).ToBeEnabledAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/account/logout");
        Assert.Equal(302, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        // The new page's header offers the sign-in link (inside the collapsed menu on a phone: attached, not visible).
        await Assertions.Expect(page.Locator("header a[href='/account/login']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("header form[action='/account/logout']")).ToHaveCountAsync(0);
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
