using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Notifications;

/// <summary>An SMTP relay that is down: every send fails.</summary>
public sealed class SmtpDownPortalFactory : ClockedPortalFactory
{
    private sealed class DownSender : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            throw new System.Net.Mail.SmtpException("4.4.1 Connection timed out");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(new DownSender()));
    }
}

/// <summary>A notification whose e-mail cannot be sent is retried with backoff, then shown as failed with its reason and an incident — never lost.</summary>
public sealed class EmailFailureTests : IClassFixture<SmtpDownPortalFactory>
{
    private readonly SmtpDownPortalFactory portal;

    public EmailFailureTests(SmtpDownPortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_retry_a_failing_email_then_record_it_failed_and_open_an_incident()
    {
        var code = await TestDossiers.SubmitViaApiAsync(await ApiSession.SignInAsync(portal, "tran.binh@example.com"));
        for (var round = 0; round < 8; round++)
        {
            using (var scope = portal.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync("test", CancellationToken.None);
            portal.Clock.Advance(TimeSpan.FromHours(1)); // past every backoff delay
        }

        using var check = portal.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var records = await db.Notifications.Where(n => n.DossierCode == code).ToListAsync();
        var mail = Assert.Single(records, n => n.Channel == "email");
        Assert.Single(records, n => n.Channel == "in-app"); // the applicant still sees the message on the dossier page
        Assert.Equal("failed", mail.Status);
        Assert.Contains("Connection timed out", mail.FailureReason);
        var outbox = await db.Outbox.SingleAsync(m => m.Kind == "notification" && db.Dossiers.Any(d => d.Code == code && d.InstanceId == m.InstanceId));
        Assert.Equal(OutboxStatus.Failed, outbox.Status);
        Assert.Equal(5, outbox.Attempts);
        Assert.True(await db.Incidents.AnyAsync(i => i.OutboxMessageId == outbox.Id && i.ResolvedAt == null));
    }
}
