using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Notifications;

internal static class Deliveries
{
    public static async Task ProcessOutboxAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync("test", CancellationToken.None);
    }

    public static async Task<List<NotificationRecord>> OfAsync(PortalFactory portal, string code, string template)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking()
            .Where(n => n.DossierCode == code && n.Template == template).ToListAsync();
    }

    public static string[] SmsDrops(PortalFactory portal, string code) =>
        Directory.Exists(Path.Combine(portal.DataPath, "maildrop"))
            ? Directory.GetFiles(Path.Combine(portal.DataPath, "maildrop"), "*.sms").Select(File.ReadAllText).Where(t => t.Contains(code)).ToArray()
            : [];
}

/// <summary>"We received your fee": the amount the payment step kept, in each language's way, in-app, by e-mail and by SMS.</summary>
public sealed class PaidNotificationTests : IClassFixture<ClockedPortalFactory>
{
    private readonly ClockedPortalFactory portal;

    public PaidNotificationTests(ClockedPortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_tell_the_applicant_the_fee_received_on_every_channel()
    {
        var code = await TestDossiers.SubmitViaApiAsync(await ApiSession.SignInAsync(portal, "tran.binh@example.com"));
        using (var scope = portal.Services.CreateScope())
            await TestDossiers.AnswerAsync(scope.ServiceProvider, code, BookmarkKinds.Payment, "paid");
        await Deliveries.ProcessOutboxAsync(portal);

        var records = await Deliveries.OfAsync(portal, code, "paid");
        var inApp = Assert.Single(records, n => n.Channel == NotificationChannels.InApp);
        Assert.Equal($"Chúng tôi đã nhận lệ phí 20.000 đ cho hồ sơ {code} (Cấp bản sao văn bằng, chứng chỉ từ sổ gốc). Hồ sơ đang được chuyển xử lý.", inApp.BodyVi);
        Assert.Contains($"We received your fee of 20,000 VND for dossier {code}", inApp.BodyEn);
        Assert.Equal(NotificationStatus.Sent, Assert.Single(records, n => n.Channel == NotificationChannels.Email).Status);
        var sms = Assert.Single(records, n => n.Channel == NotificationChannels.Sms);
        Assert.Equal((NotificationStatus.Sent, "0987654321", 1), (sms.Status, sms.Address, sms.Attempts));
        Assert.Equal($"Da nhan le phi 20.000 VND cho ho so {code}. Cam on ban.", sms.BodyVi);
        Assert.Equal($"We received your fee of 20,000 VND for dossier {code}. Thank you.", sms.BodyEn);
        var drop = Assert.Single(Deliveries.SmsDrops(portal, code));
        Assert.Contains("To: 0987654321", drop);
        Assert.Contains($"Reference: {sms.Id}", drop);

        // Development shows the SMS on /dev/mailbox beside the e-mails.
        var mailbox = await HtmlPage.GetAsync(portal.Browser(), "/dev/mailbox");
        Assert.Contains(mailbox.Document.QuerySelectorAll("[data-testid=sms]"), m => m.TextContent.Contains($"Da nhan le phi 20.000 VND cho ho so {code}"));
        Assert.Contains(mailbox.Document.QuerySelectorAll("[data-testid=mail]"), m => m.TextContent.Contains($"Đã nhận lệ phí hồ sơ {code}"));
    }
}

/// <summary>
/// "Deadline approaching": the fee of the demo procedure (copy with <c>remind: before 6 hours</c>) expires 24 hours after
/// submission; the reminder goes out once in the last 6 hours, not before, not twice, and not for a fee already paid.
/// </summary>
public sealed class DeadlineReminderTests : IClassFixture<ClockedPortalFactory>
{
    private readonly ClockedPortalFactory portal;

    public DeadlineReminderTests(ClockedPortalFactory portal) => this.portal = portal;

    private async Task<int> RemindAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineReminderWork>().RunOnceAsync("test", CancellationToken.None);
    }

    [Fact]
    public async Task Should_remind_once_in_the_last_hours_before_the_fee_expires_and_not_after_it_was_paid()
    {
        // Monday 09/11/2026 09:00 in Vietnam: the fee expires on Tuesday 10/11 at 09:00, the reminder is due from 03:00.
        var api = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var code = await TestDossiers.SubmitViaApiAsync(api);
        var paidEarly = await TestDossiers.SubmitViaApiAsync(api, "Trần Văn Bình", 2023);
        using (var scope = portal.Services.CreateScope())
            await TestDossiers.AnswerAsync(scope.ServiceProvider, paidEarly, BookmarkKinds.Payment, "paid");

        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 2, 59, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await RemindAsync());
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 3, 1, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        await Deliveries.ProcessOutboxAsync(portal);
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await RemindAsync());
        await Deliveries.ProcessOutboxAsync(portal);

        var records = await Deliveries.OfAsync(portal, code, "deadline-approaching");
        Assert.Equal(3, records.Count); // in-app, e-mail, SMS: once each
        var inApp = Assert.Single(records, n => n.Channel == NotificationChannels.InApp);
        Assert.Equal($"Sắp đến hạn: hồ sơ {code}", inApp.SubjectVi);
        Assert.Contains("đang chờ bạn nộp lệ phí. Vui lòng thực hiện trước 10/11/2026 09:00 (giờ Việt Nam)", inApp.BodyVi);
        Assert.Contains("waiting for you to pay the fee. Please do so before 10/11/2026 09:00 (Vietnam time)", inApp.BodyEn);
        var sms = Assert.Single(records, n => n.Channel == NotificationChannels.Sms);
        Assert.Equal($"Ho so {code}: vui long nop le phi truoc 10/11/2026 09:00, qua han ho so co the bi dung xu ly.", sms.BodyVi);
        Assert.True(sms.BodyVi.Length <= 160);
        Assert.Single(Deliveries.SmsDrops(portal, code), t => t.Contains("vui long nop le phi"));
        Assert.Empty(await Deliveries.OfAsync(portal, paidEarly, "deadline-approaching"));

        // The applicant sees it on the dossier page.
        var browser = await SignIn.ApplicantAsync(portal, "tran.binh@example.com");
        var page = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Contains($"Sắp đến hạn: hồ sơ {code}", page.Document.QuerySelector("[data-testid=messages]")!.TextContent);
    }
}

/// <summary>A reminder naming a template that does not exist stops the start-up with the step's file and line.</summary>
public sealed class MissingReminderTemplateTests
{
    [Fact]
    public void Should_refuse_to_start_with_a_reminder_template_that_does_not_exist()
    {
        using var portal = new MissingReminderTemplatePortalFactory();

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("No notification template 'deadline-soon' for `remind:`", error.ToString());
        Assert.Matches(@"diploma-copy\.yaml:\d+:\d+", error.ToString());
    }
}
