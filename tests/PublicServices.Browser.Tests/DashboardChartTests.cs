using Microsoft.Playwright;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PublicServices.Browser.Tests;

/// <summary>dashboard.js in Chromium: the weekly chart appears above the table, which stays in the page.</summary>
public sealed class DashboardChartTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Should_draw_the_weekly_chart_and_keep_the_table()
    {
        var page = await portal.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#Email", "so.hanoi@demo.gov.vn");
        await page.FillAsync("#Password", DemoSeeder.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/account/login/code**");
        await page.FillAsync("#Code", Totp.Code(DemoSeeder.DemoAuthenticatorKey, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");

        await page.GotoAsync(portal.BaseUrl + "/dashboard");

        await Expect(page.Locator("#weekly-chart-figure")).ToBeVisibleAsync();
        Assert.Equal(3, await page.EvaluateAsync<int>("() => Chart.getChart('weekly-chart').data.datasets.length"));
        Assert.Equal(12, await page.EvaluateAsync<int>("() => Chart.getChart('weekly-chart').data.labels.length"));
        Assert.StartsWith("Tuần ", await page.EvaluateAsync<string>("() => Chart.getChart('weekly-chart').data.labels[0]"));
        await Expect(page.Locator("#weekly-table tbody tr")).ToHaveCountAsync(12);
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard.png"), FullPage = true });
    }
}
