using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PublicServices.Browser.Tests;

/// <summary>form-logic.js in Chromium: a field shown by an answer on the same page, and the quick search of a long list.</summary>
public sealed class ConditionalFieldsTests : IClassFixture<BrowserPortal>
{
    private readonly BrowserPortal portal;

    public ConditionalFieldsTests(BrowserPortal portal) => this.portal = portal;

    private async Task OpenPageTwoAsync(IPage page)
    {
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#Email", "nguyen.an@example.com");
        await page.FillAsync("#Password", "Demo@12345");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");
        await page.ClickAsync("[data-procedure=diploma-copy] a.btn");
        await page.WaitForURLAsync("**/pages/*");
        await page.GotoAsync(page.Url[..page.Url.LastIndexOf('/')] + "/2");
    }

    [Fact]
    public async Task Should_show_the_postal_address_only_for_post_and_filter_provinces_while_typing()
    {
        var page = await portal.Browser.NewPageAsync();
        await OpenPageTwoAsync(page);
        // Survives only if nothing below reloads the page.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        var address = page.Locator("#postalAddress");
        await Expect(address).ToBeHiddenAsync();
        await page.SelectOptionAsync("#delivery", "post");
        await Expect(address).ToBeVisibleAsync();
        await Expect(address).ToBeEnabledAsync();
        await page.SelectOptionAsync("#delivery", "pickup");
        await Expect(address).ToBeHiddenAsync();
        await Expect(address).ToBeDisabledAsync();

        await page.Locator("#province-filter").PressSequentiallyAsync("ha noi");
        var options = await page.Locator("#province option").AllInnerTextsAsync();
        Assert.Contains("Thành phố Hà Nội", options);
        Assert.DoesNotContain("Thành phố Hồ Chí Minh", options);
        Assert.DoesNotContain("Tỉnh Hà Nam", options);
        await page.Locator("#province-filter").FillAsync("da nang");
        Assert.Contains("Thành phố Đà Nẵng", await page.Locator("#province option").AllInnerTextsAsync()); // đ typed as d
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "application-page-2-script.png"), FullPage = true });

        // The hidden address is not posted and the page goes through with the script's help.
        await page.SelectOptionAsync("#province", "048");
        await page.SelectOptionAsync("#diplomaType", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#graduationYear", "2020");
        await page.FillAsync("#copies", "2");
        await page.ClickAsync("button[name=next]");
        await page.WaitForURLAsync("**/pages/3");
    }

    [Fact]
    public async Task Should_leave_every_field_usable_when_json_logic_fails_to_load()
    {
        var page = await portal.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.RouteAsync("**/lib/json-logic-js/**", route => route.AbortAsync());
        await OpenPageTwoAsync(page);

        await Expect(page.Locator("#postalAddress")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#delivery", "pickup");
        await Expect(page.Locator("#postalAddress")).ToBeEnabledAsync();
        await page.Locator("#province-filter").FillAsync("ha noi");
        Assert.Contains("Thành phố Hà Nội", await page.Locator("#province option").AllInnerTextsAsync());
        Assert.Empty(errors);
    }
}
