using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Notifications;

/// <summary>The engine's notify step reaches the applicant as an in-app message on the dossier page, exactly once.</summary>
public sealed class InAppNotificationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public InAppNotificationTests(PortalFactory portal) => this.portal = portal;

    private async Task<int> ProcessOutboxAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync("test-node", CancellationToken.None);
    }

    [Fact]
    public async Task Should_deliver_the_submission_message_once_even_when_the_outbox_message_is_redelivered()
    {
        var client = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var code = await TestDossiers.SubmitViaApiAsync(client);

        await ProcessOutboxAsync();
        using (var scope = portal.Services.CreateScope())
        {
            // Redelivery: the message is handed to the handler again (as after a lost acknowledgement).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Outbox.Where(m => m.Kind == "notification").ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, OutboxStatus.Pending));
        }
        await ProcessOutboxAsync();

        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await db.Notifications.Where(n => n.DossierCode == code).ToListAsync();
            var message = Assert.Single(messages, n => n.Channel == "in-app");
            var mail = Assert.Single(messages, n => n.Channel == "email");
            Assert.Equal("sent", mail.Status);
            var drop = Directory.GetFiles(Path.Combine(portal.DataPath, "maildrop"), "*.eml").Select(File.ReadAllText).Where(t => t.Contains(code)).ToList();
            Assert.Contains($"Subject: Đã tiếp nhận hồ sơ {code}", Assert.Single(drop)); // sent once despite the redelivery
            Assert.Contains("To: tran.binh@example.com", drop[0]);
            Assert.Equal($"Đã tiếp nhận hồ sơ {code}", message.SubjectVi);
            Assert.Equal($"Dossier {code} received", message.SubjectEn);
        }
        var browser = await SignIn.ApplicantAsync(portal, "tran.binh@example.com");
        var mailbox = await HtmlPage.GetAsync(portal.Browser(), "/dev/mailbox");
        Assert.Contains(mailbox.Document.QuerySelectorAll("[data-testid=mail]"), m => m.TextContent.Contains($"Đã tiếp nhận hồ sơ {code}"));
        var page = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Contains($"Đã tiếp nhận hồ sơ {code}", page.Document.QuerySelector("[data-testid=messages]")!.TextContent);
    }
}
