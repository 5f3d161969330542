using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dossiers;

public sealed class WithdrawalTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public WithdrawalTests(PortalFactory portal) => this.portal = portal;

    private async Task<string> SubmitAsync(HttpClient api)
    {
        var upload = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png(800, 600)), "file", "cccd.png" } };
        var attachment = (await (await api.PostAsync("/api/v1/attachments", upload)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = "diploma-copy",
            declaration = true,
            data = new JsonObject
            {
                ["fullName"] = "Trần Văn Bình", ["dateOfBirth"] = "2006-09-02", ["cccd"] = "001206012345", ["phone"] = "0912345679",
                ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = 2024, ["copies"] = 1, ["delivery"] = "pickup",
                ["idCard"] = new JsonArray(attachment),
            },
        });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    [Fact]
    public async Task Should_withdraw_after_confirmation_close_every_wait_and_refuse_a_second_time()
    {
        var api = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var code = await SubmitAsync(api);
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = "tran.binh@example.com", ["Password"] = DemoSeeder.DemoPassword });
        var stranger = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawal", new { })).StatusCode);
        var confirm = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/withdraw");
        var withdrawn = await confirm.SubmitAsync(browser, $"/dossiers/{code}/withdraw", new Dictionary<string, string> { ["reason"] = "Đã nhận bản sao ở nơi khác." });
        var page = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        var again = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawal", new { });

        Assert.Equal($"/dossiers/{code}", withdrawn.Headers.Location!.ToString());
        Assert.Equal("Đã rút", page.Document.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("[data-testid=withdraw]"));
        Assert.Contains("Đã nhận bản sao ở nơi khác.", page.Text);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instance = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        Assert.Empty(await db.Bookmarks.Where(b => b.InstanceId == instance).ToListAsync());
        Assert.Equal("withdrawn", (await db.Instances.SingleAsync(i => i.Id == instance)).Result);
    }
}
