using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dossiers;

/// <summary>Drafts are kept 30 days after their last change, with a warning in the last 3, then hidden and purged.</summary>
public sealed class DraftExpiryTests : IClassFixture<ClockedPortalFactory>
{
    private readonly ClockedPortalFactory portal;

    public DraftExpiryTests(ClockedPortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_warn_before_a_draft_expires_then_hide_and_purge_it()
    {
        // Sign-in cookies expire too: sign in afresh after each jump of the clock, as the applicant would.
        async Task<HttpClient> SignInAsync()
        {
            var client = portal.Browser();
            var login = await HtmlPage.GetAsync(client, "/account/login");
            await login.SubmitAsync(client, "/account/login", new Dictionary<string, string> { ["Email"] = "tran.binh@example.com", ["Password"] = DemoSeeder.DemoPassword });
            return client;
        }
        var browser = await SignInAsync();
        var draftUrl = (await browser.GetAsync("/procedures/diploma-copy/start")).Headers.Location!.ToString();
        var draftId = Guid.Parse(draftUrl.Split('/')[2]);

        var fresh = await HtmlPage.GetAsync(browser, "/dossiers");
        portal.Clock.Advance(TimeSpan.FromDays(28));
        browser = await SignInAsync();
        var lastDays = await HtmlPage.GetAsync(browser, "/dossiers");
        portal.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        browser = await SignInAsync();
        var expired = await HtmlPage.GetAsync(browser, "/dossiers");
        var reopened = await browser.GetAsync(draftUrl);
        int purged;
        using (var scope = portal.Services.CreateScope())
            purged = await scope.ServiceProvider.GetRequiredService<DraftPurgeWork>().RunOnceAsync("test", CancellationToken.None);

        Assert.NotNull(fresh.Document.QuerySelector($"[data-draft='{draftId}']"));
        Assert.Null(fresh.Document.QuerySelector("[data-testid=draft-expiring]"));
        Assert.Contains("Sắp hết hạn", lastDays.Document.QuerySelector($"[data-draft='{draftId}'] [data-testid=draft-expiring]")!.TextContent);
        Assert.Null(expired.Document.QuerySelector($"[data-draft='{draftId}']"));
        Assert.Equal(HttpStatusCode.NotFound, reopened.StatusCode);
        Assert.True(purged >= 1);
        using var check = portal.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.AnyAsync(d => d.Id == draftId));
    }
}
