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

    [Fact]
    public async Task Should_withdraw_after_confirmation_close_every_wait_and_refuse_a_second_time()
    {
        var api = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var code = await TestDossiers.SubmitViaApiAsync(api);
        var browser = await SignIn.ApplicantAsync(portal, "tran.binh@example.com");
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
