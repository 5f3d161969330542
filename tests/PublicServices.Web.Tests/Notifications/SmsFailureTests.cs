using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Notifications;

/// <summary>An SMS gateway that refuses every message, as an HTTP gateway out of credit answers.</summary>
public sealed class SmsDownPortalFactory : ClockedPortalFactory
{
    private sealed class DownGateway : ISmsSender
    {
        public int Calls;

        public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            throw new HttpRequestException("SMS gateway answered 402 Payment Required: out of credit");
        }
    }

    private readonly DownGateway gateway = new();

    public int SmsCalls => gateway.Calls;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ISmsSender>(gateway));
    }
}

/// <summary>
/// A notification whose SMS cannot be sent is retried with backoff, then shown as failed with its reason and an incident —
/// never lost; the e-mail of the same message goes out once, undisturbed by the SMS's retries.
/// </summary>
public sealed class SmsFailureTests : IClassFixture<SmsDownPortalFactory>
{
    private readonly SmsDownPortalFactory portal;

    public SmsFailureTests(SmsDownPortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_retry_a_failing_sms_then_record_it_failed_and_open_an_incident_while_the_email_goes_once()
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, "tran.binh@example.com", 1, "Trần Văn Bình"))[0];
        using (var scope = portal.Services.CreateScope())
            // The official asks for a supplement: the "supplement-requested" message has an SMS text.
            await TestDossiers.AnswerAsync(scope.ServiceProvider, code, BookmarkKinds.Task, "supplement", "Ảnh CCCD bị mờ");
        for (var round = 0; round < 8; round++)
        {
            using (var scope = portal.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync("test", CancellationToken.None);
            portal.Clock.Advance(TimeSpan.FromHours(1)); // past every backoff delay
        }

        using var check = portal.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var records = await db.Notifications.AsNoTracking().Where(n => n.DossierCode == code && n.Template == "supplement-requested").ToListAsync();
        var sms = Assert.Single(records, n => n.Channel == NotificationChannels.Sms);
        Assert.Equal(NotificationStatus.Failed, sms.Status);
        Assert.Contains("402 Payment Required: out of credit", sms.FailureReason);
        Assert.Equal("0987654321", sms.Address);
        Assert.Equal(5, sms.Attempts);
        Assert.Null(sms.SentAt);
        Assert.StartsWith($"Ho so {code} can bo sung.", sms.BodyVi); // the text that was tried, without tone marks
        var mail = Assert.Single(records, n => n.Channel == NotificationChannels.Email);
        Assert.Equal((NotificationStatus.Sent, 1), (mail.Status, mail.Attempts));
        Assert.Single(records, n => n.Channel == NotificationChannels.InApp);
        Assert.Equal(10, portal.SmsCalls); // five tries for this message, five for the "paid" message before it

        var instance = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        var outbox = await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == "notification" && m.InstanceId == instance && m.PayloadJson.Contains("supplement-requested"));
        Assert.Equal(OutboxStatus.Failed, outbox.Status);
        Assert.Equal(5, outbox.Attempts);
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.OutboxMessageId == outbox.Id);
        Assert.Null(incident.ResolvedAt);
        Assert.Contains("sms: SMS gateway answered 402", incident.Error);
        var drops = Directory.GetFiles(Path.Combine(portal.DataPath, "maildrop"), "*.eml").Select(File.ReadAllText).Count(t => t.Contains($"Subject: Hồ sơ {code} cần bổ sung"));
        Assert.Equal(1, drops);
    }
}
