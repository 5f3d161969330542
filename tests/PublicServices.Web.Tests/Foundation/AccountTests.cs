using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Foundation;

public sealed class AccountTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public AccountTests(PortalFactory portal) => this.portal = portal;

    private static Dictionary<string, string> Registration(string email, string cccd = "001307012345", string password = "Secret@123") => new()
    {
        ["FullName"] = "Nguyễn Thị Hồng Nhung",
        ["Email"] = email,
        ["Phone"] = "0912345678",
        ["Cccd"] = cccd,
        ["DateOfBirth"] = "2007-03-15",
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Should_register_sign_out_and_sign_in_again_in_the_browser()
    {
        var browser = portal.Browser();
        var form = await HtmlPage.GetAsync(browser, "/account/register");

        var registered = await form.SubmitAsync(browser, "/account/register", Registration("nhung@example.com"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var home = await HtmlPage.GetAsync(browser, "/");
        Assert.Contains("Nguyễn Thị Hồng Nhung", home.Text);

        var signedOut = await home.SubmitAsync(browser, "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain("Nguyễn Thị Hồng Nhung", (await HtmlPage.GetAsync(browser, "/")).Text);

        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var signedIn = await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string>
        {
            ["Email"] = "nhung@example.com", ["Password"] = "Secret@123",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Nguyễn Thị Hồng Nhung", (await HtmlPage.GetAsync(browser, "/")).Text);
    }

    [Fact]
    public async Task Should_show_an_error_per_field_and_create_nothing_for_bad_registrations()
    {
        var browser = portal.Browser();
        var usersBefore = await CountUsersAsync();
        var form = await HtmlPage.GetAsync(browser, "/account/register");

        var badCccd = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, "/account/register", Registration("a1@example.com", cccd: "12345")));
        var wrongYear = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, "/account/register", Registration("a3@example.com", cccd: "001306012345")));
        var wrongProvince = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, "/account/register", Registration("a4@example.com", cccd: "043307012345")));
        var weak = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, "/account/register", Registration("a2@example.com", password: "short")));
        var duplicate = await HtmlPage.ParseAsync(await form.SubmitAsync(browser, "/account/register", Registration(DemoSeeder.DemoApplicants[0].Email)));

        Assert.Equal(HttpStatusCode.OK, badCccd.Status);
        Assert.Contains("12 chữ số", badCccd.FieldError("Cccd"));
        Assert.Contains("không khớp năm sinh", wrongYear.FieldError("Cccd"));
        Assert.Contains("Mã tỉnh 043", wrongProvince.FieldError("Cccd"));
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự", weak.FieldError("Password"));
        Assert.Contains("đã được dùng", duplicate.FieldError("Email"));
        Assert.NotNull(badCccd.Document.GetElementById("error-summary"));
        Assert.Equal("Nguyễn Thị Hồng Nhung", badCccd.Document.GetElementById("FullName")?.GetAttribute("value"));
        Assert.Equal(usersBefore, await CountUsersAsync());
    }

    [Fact]
    public async Task Should_reject_a_post_without_the_antiforgery_token()
    {
        var response = await portal.Browser().PostAsync("/account/register", new FormUrlEncodedContent(Registration("csrf@example.com")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Should_send_an_official_without_two_factor_to_the_setup_page_first()
    {
        await CreateOfficialAsync("moi@demo.gov.vn");
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = "moi@demo.gov.vn", ["Password"] = "Official@123" });

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", home.Headers.Location?.ToString());

        var setup = await HtmlPage.GetAsync(browser, "/account/two-factor");
        var key = setup.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var wrong = await HtmlPage.ParseAsync(await setup.SubmitAsync(browser, "/account/two-factor", new Dictionary<string, string> { ["Code"] = "000000" }));
        Assert.NotNull(wrong.FieldError("Code"));

        var done = await setup.SubmitAsync(browser, "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Should_ask_an_official_for_the_authenticator_code_at_sign_in()
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var first = await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string>
        {
            ["Email"] = "tiepnhan@demo.gov.vn", ["Password"] = DemoSeeder.DemoPassword,
        });
        Assert.StartsWith("/account/login/code", first.Headers.Location?.ToString());

        var codePage = await HtmlPage.GetAsync(browser, first.Headers.Location!.ToString());
        var signedIn = await codePage.SubmitAsync(browser, "/account/login/code", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(DemoSeeder.DemoAuthenticatorKey, DateTimeOffset.UtcNow),
        });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Nguyễn Văn Tiếp", (await HtmlPage.GetAsync(browser, "/")).Text);
    }

    [Fact]
    public async Task Should_lock_the_account_after_five_wrong_passwords()
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var email = DemoSeeder.DemoApplicants[1].Email;
        for (var i = 0; i < 5; i++)
            await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "Wrong@1234" });

        var locked = await HtmlPage.ParseAsync(await login.SubmitAsync(browser, "/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword }));

        Assert.Contains("tạm khóa", locked.Text);
    }

    private async Task<int> CountUsersAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }

    private async Task CreateOfficialAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<OfficialAccounts>()
            .CreateAsync(email, "Official@123", "Cán bộ Mới", [Roles.RecognitionOfficer], "naric");
        Assert.Empty(errors);
    }
}
