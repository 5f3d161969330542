using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServices.Platform.Engine;
using static Microsoft.Playwright.Assertions;

namespace PublicServices.Browser.Tests;

/// <summary>
/// The applicant's whole journey in Chromium on a phone-sized screen: fill the three pages, upload the ID photo, check the
/// answers, declare, submit, pay the fee on the sandbox gateway, and see the receipt once the gateway's notification lands.
/// </summary>
public sealed class ApplyAndPayTests : IClassFixture<BrowserPortal>
{
    private readonly BrowserPortal portal;

    public ApplyAndPayTests(BrowserPortal portal) => this.portal = portal;

    [Fact]
    public async Task Should_apply_submit_and_pay_the_fee_through_the_sandbox_gateway()
    {
        var page = await portal.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#Email", "tran.binh@example.com");
        await page.FillAsync("#Password", "Demo@12345");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");

        await page.ClickAsync("[data-procedure=diploma-copy] a.btn");
        await page.WaitForURLAsync("**/pages/1");
        await page.ClickAsync("button[name=next]"); // prefilled from the account
        await page.WaitForURLAsync("**/pages/2");
        await page.SelectOptionAsync("#diplomaType", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#province", "001");
        await page.FillAsync("#graduationYear", "2013");
        await page.FillAsync("#copies", "3");
        await page.SelectOptionAsync("#delivery", "pickup");
        await page.ClickAsync("button[name=next]");
        await page.WaitForURLAsync("**/pages/3");
        await page.SetInputFilesAsync("#idCard", new FilePayload { Name = "cccd.png", MimeType = "image/png", Buffer = PublicServices.Web.Tests.Support.TestFiles.Png(800, 600) });
        await page.ClickAsync("button[name=next]");
        await page.WaitForURLAsync("**/review");
        await page.CheckAsync("#declaration");
        await page.ClickAsync("form[action$='/submit'] button[type=submit]");
        await page.WaitForURLAsync("**/dossiers/*");

        await Expect(page.Locator("[data-testid=fee]")).ToHaveTextAsync("60.000 ₫"); // 20,000 VND × 3 copies
        await page.ClickAsync("form[action$='/pay'] button");
        await page.ArrivesAtAsync("**/sandbox-gateway/*");
        await Expect(page.Locator("[data-testid=sandbox-amount]")).ToHaveTextAsync("60.000 ₫");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "sandbox-gateway.png"), FullPage = true });
        await page.ClickAsync("button[value=pay]");
        await page.ArrivesAtAsync("**/payments/sandbox/return*");
        await Expect(page.Locator("[data-testid=payment-status]")).ToContainTextAsync("chờ xác nhận");

        using (var scope = portal.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync("browser-test", CancellationToken.None);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=payment-status]")).ToContainTextAsync("Đã nhận 60.000 ₫");
        await page.ClickAsync("a.btn-primary");
        await page.ClickAsync("[data-testid=payments] a");
        await Expect(page.Locator("[data-testid=receipt-amount]")).ToHaveTextAsync("60.000 ₫");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "receipt.png"), FullPage = true });
    }
}
