using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using static PublicServices.Web.Tests.Admin.AdminSessions;

namespace PublicServices.Web.Tests.Admin;

public sealed class AdminUsersTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public AdminUsersTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_create_an_official_through_the_page_who_can_then_sign_in()
    {
        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var form = await HtmlPage.GetAsync(admin, "/admin/users/new");

        var created = await form.SubmitAllAsync(admin, "/admin/users/new",
            ("Email", "moi.canbo@demo.gov.vn"), ("FullName", "Ngô Thị Mới"), ("Password", "Tam@12345"),
            ("Roles", Roles.RecognitionOfficer), ("Roles", Roles.RecognitionExpert), ("UnitCode", "naric"));
        var list = await FollowAsync(admin, created);

        Assert.Equal("/admin/users", created.Headers.Location?.ToString());
        Assert.Contains("Đã tạo tài khoản moi.canbo@demo.gov.vn", list.Text);
        var row = list.Document.QuerySelector("tr[data-user='moi.canbo@demo.gov.vn']")!.TextContent;
        Assert.Contains("Ngô Thị Mới", row);
        Assert.Contains("VN-NARIC", row);
        Assert.Contains("Chuyên viên thẩm định văn bằng", row);
        var (roles, unit) = await RolesAndUnitAsync("moi.canbo@demo.gov.vn");
        Assert.Equal([Roles.RecognitionExpert, Roles.RecognitionOfficer], roles.Order());
        Assert.Equal("naric", unit);

        // The new official signs in with the temporary password and is sent to set up two-factor sign-in first.
        var official = portal.Browser();
        var signedIn = await SubmitPasswordAsync(official, "moi.canbo@demo.gov.vn", "Tam@12345");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var home = await official.GetAsync("/");
        Assert.Equal("/account/two-factor", home.Headers.Location?.ToString());
        var setup = await HtmlPage.GetAsync(official, "/account/two-factor");
        var key = setup.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var done = await setup.SubmitAsync(official, "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Ngô Thị Mới", (await HtmlPage.GetAsync(official, "/")).Text);
    }

    [Fact]
    public async Task Should_search_officials_by_e_mail_or_name_in_any_case()
    {
        var admin = await OfficialBrowserAsync(portal, AdminEmail);

        var byEmail = await HtmlPage.GetAsync(admin, "/admin/users?q=TIEPNHAN@");
        var byName = await HtmlPage.GetAsync(admin, "/admin/users?q=" + Uri.EscapeDataString("nguyễn văn tiếp"));
        var byCapital = await HtmlPage.GetAsync(admin, "/admin/users?q=" + Uri.EscapeDataString("Đỗ Minh"));
        var none = await HtmlPage.GetAsync(admin, "/admin/users?q=khong-ai-ca");

        Assert.Equal(["tiepnhan@demo.gov.vn"], Emails(byEmail));
        Assert.Equal(["tiepnhan@demo.gov.vn"], Emails(byName));
        Assert.Equal(["so.hanoi@demo.gov.vn"], Emails(byCapital));
        Assert.Empty(Emails(none));
        Assert.Contains("Không có tài khoản nào phù hợp", none.Text);
        // Applicants are not listed.
        Assert.Empty(Emails(await HtmlPage.GetAsync(admin, "/admin/users?q=example.com")));
        var all = await HtmlPage.GetAsync(admin, "/admin/users");
        var adminRow = all.Document.QuerySelector("tr[data-user='admin@demo.gov.vn']")!.TextContent;
        Assert.Contains("Quản trị hệ thống", adminRow);
        Assert.Contains("Bật", adminRow);
    }

    private static List<string> Emails(HtmlPage page) =>
        page.Document.QuerySelectorAll("tr[data-user]").Select(r => r.GetAttribute("data-user")!).ToList();

    [Fact]
    public async Task Should_show_an_error_per_field_and_create_nothing_for_bad_input()
    {
        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var before = await CountUsersAsync();
        var form = await HtmlPage.GetAsync(admin, "/admin/users/new");

        var empty = await HtmlPage.ParseAsync(await form.SubmitAllAsync(admin, "/admin/users/new",
            ("Email", "khong-phai-email"), ("FullName", ""), ("Password", "short"), ("UnitCode", "")));
        var badRolesAndUnit = await HtmlPage.ParseAsync(await form.SubmitAllAsync(admin, "/admin/users/new",
            ("Email", "hai@demo.gov.vn"), ("FullName", "Lê Văn Hai"), ("Password", "Tam@12345"),
            ("Roles", "superuser"), ("Roles", Roles.SchoolOfficer), ("UnitCode", "")));
        var duplicate = await HtmlPage.ParseAsync(await form.SubmitAllAsync(admin, "/admin/users/new",
            ("Email", "tiepnhan@demo.gov.vn"), ("FullName", "Trùng E-mail"), ("Password", "Tam@12345"),
            ("Roles", Roles.SchoolOfficer), ("UnitCode", "khong-co")));

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("không đúng định dạng", empty.FieldError("Email"));
        Assert.Contains("Vui lòng nhập Họ và tên", empty.FieldError("FullName"));
        Assert.Contains("ít nhất 8 ký tự", empty.FieldError("Password"));
        Assert.Contains("ít nhất một vai trò", empty.FieldError("Roles"));
        Assert.NotNull(empty.Document.GetElementById("error-summary"));
        Assert.Equal("khong-phai-email", empty.Document.GetElementById("Email")?.GetAttribute("value"));
        Assert.Equal("", empty.Document.GetElementById("Password")?.GetAttribute("value"));

        Assert.Contains("'superuser' không tồn tại", badRolesAndUnit.FieldError("Roles"));
        Assert.Contains("phải thuộc một đơn vị", badRolesAndUnit.FieldError("UnitCode"));
        Assert.Null(badRolesAndUnit.FieldError("Email"));
        Assert.NotNull(badRolesAndUnit.Document.QuerySelector("input[name=Roles][value=school-officer][checked]"));

        Assert.Contains("tiepnhan@demo.gov.vn đã được dùng", duplicate.FieldError("Email"));
        Assert.Contains("Không có đơn vị 'khong-co'", duplicate.FieldError("UnitCode"));
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Should_edit_roles_and_unit_and_refuse_an_unknown_unit()
    {
        var id = await CreateOfficialWithTwoFactorAsync("doi.vaitro@demo.gov.vn");
        var session = await ApiSession.SignInOfficialAsync(portal, "doi.vaitro@demo.gov.vn");
        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var edit = await HtmlPage.GetAsync(admin, $"/admin/users/{id}");

        var refused = await HtmlPage.ParseAsync(await edit.SubmitAllAsync(admin, $"/admin/users/{id}",
            ("Roles", Roles.SchoolOfficer), ("UnitCode", "khong-co")));
        Assert.Contains("Không có đơn vị 'khong-co'", refused.FieldError("UnitCode"));
        var (rolesBefore, unitBefore) = await RolesAndUnitAsync("doi.vaitro@demo.gov.vn");
        Assert.Equal([Roles.RecognitionOfficer], rolesBefore);
        Assert.Equal("naric", unitBefore);

        var saved = await edit.SubmitAllAsync(admin, $"/admin/users/{id}", ("Roles", Roles.SchoolOfficer), ("UnitCode", "01-001"));
        Assert.Contains("Đã cập nhật vai trò và đơn vị", (await FollowAsync(admin, saved)).Text);
        var (roles, unit) = await RolesAndUnitAsync("doi.vaitro@demo.gov.vn");
        Assert.Equal([Roles.SchoolOfficer], roles);
        Assert.Equal("01-001", unit);
        // The token still carries the old roles: it stops working, and signing in again gives the new ones.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/dossiers")).StatusCode);
    }

    [Fact]
    public async Task Should_keep_an_administrator_who_edits_themselves_signed_in_but_never_without_the_admin_role()
    {
        var adminId = await UserIdAsync(AdminEmail);
        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var edit = await HtmlPage.GetAsync(admin, $"/admin/users/{adminId}");
        Assert.Null(edit.Document.QuerySelector($"form[action='/admin/users/{adminId}/disable']"));

        var dropped = await HtmlPage.ParseAsync(await edit.SubmitAllAsync(admin, $"/admin/users/{adminId}", ("Roles", Roles.FinanceOfficer), ("UnitCode", "naric")));
        Assert.Contains("không thể tự bỏ vai trò quản trị", dropped.FieldError("Roles"));

        var saved = await edit.SubmitAllAsync(admin, $"/admin/users/{adminId}", ("Roles", Roles.Administrator), ("UnitCode", ""));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        var (roles, unit) = await RolesAndUnitAsync(AdminEmail);
        Assert.Equal([Roles.Administrator], roles);
        Assert.Null(unit);
    }

    [Fact]
    public async Task Should_disable_an_official_ending_their_sessions_and_enable_them_again()
    {
        const string email = "tam.dung@demo.gov.vn";
        var id = await CreateOfficialWithTwoFactorAsync(email);
        var api = await ApiSession.SignInOfficialAsync(portal, email);
        var web = await OfficialBrowserAsync(portal, email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/dossiers")).StatusCode);

        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var list = await HtmlPage.GetAsync(admin, "/admin/users?q=tam.dung");
        var disabled = await list.SubmitAsync(admin, $"/admin/users/{id}/disable", new Dictionary<string, string>());
        var after = await FollowAsync(admin, disabled);

        Assert.Equal("/admin/users?q=tam.dung", disabled.Headers.Location?.ToString());
        Assert.Contains("Đã vô hiệu hóa tài khoản tam.dung@demo.gov.vn", after.Text);
        Assert.Equal("true", after.Document.QuerySelector($"tr[data-user='{email}']")?.GetAttribute("data-disabled"));
        // Existing sessions: the bearer token is refused, the cookie no longer signs anyone in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/dossiers")).StatusCode);
        var page = await web.GetAsync("/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location.PathOnly());
        // New sign-ins: the page says why, the API refuses.
        var webLogin = await HtmlPage.ParseAsync(await SubmitPasswordAsync(portal.Browser(), email, DemoSeeder.DemoPassword));
        Assert.Contains("vô hiệu hóa", webLogin.Text);
        var apiLogin = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/login",
            new { email, password = DemoSeeder.DemoPassword, twoFactorCode = Totp.Code(DemoSeeder.DemoAuthenticatorKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Unauthorized, apiLogin.StatusCode);

        var enabled = await (await HtmlPage.GetAsync(admin, $"/admin/users/{id}")).SubmitAsync(admin, $"/admin/users/{id}/enable", new Dictionary<string, string>());
        Assert.Contains("Đã mở lại tài khoản", (await FollowAsync(admin, enabled)).Text);
        var again = await ApiSession.SignInOfficialAsync(portal, email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/dossiers")).StatusCode);
        using var scope = portal.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id);
        Assert.False(user!.IsDisabled);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task Should_not_let_an_administrator_disable_themselves()
    {
        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var list = await HtmlPage.GetAsync(admin, "/admin/users?q=admin@demo");
        var adminId = await UserIdAsync(AdminEmail);
        Assert.Null(list.Document.QuerySelector($"form[action='/admin/users/{adminId}/disable']"));

        // A crafted post (with a valid token from another page) is refused too.
        var form = await HtmlPage.GetAsync(admin, "/admin/users/new");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await admin.PostAsync($"/admin/users/{adminId}/disable",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

        Assert.Contains("không thể tự vô hiệu hóa", (await FollowAsync(admin, refused)).Text);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_the_administration_pages_to_officials_applicants_and_visitors()
    {
        var official = await OfficialBrowserAsync(portal, "chuyenvien@demo.gov.vn");
        var applicant = await ApplicantBrowserAsync(portal, "tran.binh@example.com");
        var officialApi = await ApiSession.SignInOfficialAsync(portal, "lanhdao@demo.gov.vn");

        foreach (var path in new[] { "/admin", "/admin/users", "/admin/incidents", "/admin/procedures" })
        {
            var byOfficial = await official.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, byOfficial.StatusCode);
            Assert.Equal("/error/403", byOfficial.Headers.Location.PathOnly());
            Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync(byOfficial.Headers.Location)).StatusCode);
            Assert.Equal("/error/403", (await applicant.GetAsync(path)).Headers.Location.PathOnly());
            Assert.Equal(HttpStatusCode.Forbidden, (await officialApi.GetAsync(path)).StatusCode);
            Assert.Equal("/account/login", (await portal.Browser().GetAsync(path)).Headers.Location.PathOnly());
        }
    }

    private async Task<string> CreateOfficialWithTwoFactorAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<OfficialAccounts>()
            .CreateAsync(email, DemoSeeder.DemoPassword, "Cán bộ Thử", [Roles.RecognitionOfficer], "naric"));
        // As if the official had already set up the authenticator (the demo key), so that the API serves them.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoSeeder.DemoAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
        return user.Id;
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<(IList<string> Roles, string? Unit)> RolesAndUnitAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (await users.GetRolesAsync(user), user.UnitCode);
    }

    private async Task<int> CountUsersAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }
}
