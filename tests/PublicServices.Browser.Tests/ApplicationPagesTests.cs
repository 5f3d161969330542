using Microsoft.Playwright;

namespace PublicServices.Browser.Tests;

public sealed class ApplicationPagesTests : IClassFixture<BrowserPortal>
{
    private readonly BrowserPortal portal;

    public ApplicationPagesTests(BrowserPortal portal) => this.portal = portal;

    [Fact]
    public async Task Should_show_a_prefilled_first_page_on_a_phone_and_errors_beside_fields()
    {
        var page = await portal.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#Email", "nguyen.an@example.com");
        await page.FillAsync("#Password", "Demo@12345");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");

        await page.ClickAsync("[data-procedure=diploma-copy] a.btn");
        await page.WaitForURLAsync("**/pages/1");
        Assert.Equal("Nguyễn Thị Hồng Nhung", await page.InputValueAsync("#fullName"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "application-page-1.png"), FullPage = true });

        await page.ClickAsync("button[name=next]");
        await page.WaitForURLAsync("**/pages/2");
        await page.ClickAsync("button[name=next]");
        await page.Locator("#error-summary").WaitForAsync();
        Assert.Contains("Vui lòng nhập loại văn bằng", await page.InnerTextAsync("#diplomaType-error"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "application-page-2-errors.png"), FullPage = true });
    }
}
