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

    [Fact]
    public async Task Should_keep_what_was_typed_when_switching_language_and_go_on_with_enter()
    {
        var page = await portal.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await portal.SubmitPasswordAsync(page, "tran.binh@example.com");
        await page.WaitForURLAsync(portal.BaseUrl + "/");
        await page.GotoAsync(portal.BaseUrl + "/procedures/diploma-copy/start");
        await page.WaitForURLAsync("**/pages/1");
        var pageOne = page.Url;

        // Typed, not saved; the switch in the phone's menu saves it and shows the same page in English.
        await page.FillAsync("#fullName", "Trần Văn Bình Đã Sửa");
        await JourneyPages.OpenPhoneMenuAsync(page);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("header button[name=language]"),
            r => r.Request.Method == "POST" && r.Url == pageOne);
        Assert.Equal(302, response.Status);
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToHaveTextAsync("Step 1 of 3");
        Assert.Equal(pageOne, page.Url);
        Assert.Equal("Trần Văn Bình Đã Sửa", await page.InputValueAsync("#fullName"));

        // Enter in a field still means "save and continue", not the language switch that comes first in the page.
        await page.PressAsync("#fullName", "Enter");
        await page.WaitForURLAsync("**/pages/2");
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToHaveTextAsync("Step 2 of 3");
    }
}
