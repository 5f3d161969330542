using Microsoft.Playwright;

namespace PublicServices.Browser.Tests;

public sealed class AccountJourneyTests : IClassFixture<BrowserPortal>
{
    private readonly BrowserPortal portal;

    public AccountJourneyTests(BrowserPortal portal) => this.portal = portal;

    [Fact]
    public async Task Should_register_sign_out_and_sign_in_in_chromium()
    {
        var page = await portal.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });

        await page.GotoAsync(portal.BaseUrl + "/account/register");
        await page.FillAsync("#FullName", "Lê Thị Ánh Dương");
        await page.FillAsync("#Cccd", "001307012345");
        await page.FillAsync("#DateOfBirth", "2007-03-15");
        await page.FillAsync("#Phone", "0912345678");
        await page.FillAsync("#Email", "duong@example.com");
        await page.FillAsync("#Password", "Secret@123");
        await page.FillAsync("#ConfirmPassword", "Secret@123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");
        Assert.Contains("Lê Thị Ánh Dương", await page.TextContentAsync("header"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "home-signed-in.png") });
        // On a phone the menu is collapsed: open it as a person would (and let it finish opening), then sign out;
        // signing out from "/" comes back to "/", so the sign-out POST's answer is awaited, not the address.
        await JourneyPages.SignOutAsync(page);
        await Assertions.Expect(page.Locator("header")).Not.ToContainTextAsync("Lê Thị Ánh Dương");
        Assert.Equal(portal.BaseUrl + "/", page.Url);

        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#Email", "duong@example.com");
        await page.FillAsync("#Password", "Secret@123");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");
        Assert.Contains("Lê Thị Ánh Dương", await page.TextContentAsync("header"));
    }

    [Fact]
    public async Task Should_show_the_error_summary_linking_to_the_field()
    {
        var page = await portal.Browser.NewPageAsync();
        await page.GotoAsync(portal.BaseUrl + "/account/register");
        await page.FillAsync("#FullName", "Nguyễn Văn A");
        await page.FillAsync("#Cccd", "123");
        await page.ClickAsync("main button[type=submit]");

        var summary = page.Locator("#error-summary");
        await summary.WaitForAsync();
        Assert.Contains("CCCD", await summary.InnerTextAsync());
        Assert.Equal("#Cccd", await summary.Locator("a[href='#Cccd']").GetAttributeAsync("href"));
        Assert.Equal("Nguyễn Văn A", await page.InputValueAsync("#FullName"));
    }
}
