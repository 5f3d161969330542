using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using static PublicServices.Web.Tests.Admin.AdminSessions;

namespace PublicServices.Web.Tests.Notifications;

/// <summary>/admin/notifications: every delivery newest first, filtered by status, channel and dossier code, a page at a time; administrators only.</summary>
public sealed class DeliveryLogTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public DeliveryLogTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_list_the_deliveries_of_a_dossier_with_their_channel_status_and_recipient()
    {
        var code = await TestDossiers.SubmitViaApiAsync(await ApiSession.SignInAsync(portal, "tran.binh@example.com"));
        await Deliveries.ProcessOutboxAsync(portal);
        var failed = await AddAsync(code, NotificationChannels.Sms, NotificationStatus.Failed, DateTime.UtcNow.AddMinutes(1), "SMS gateway answered 503 Service Unavailable");
        var admin = await OfficialBrowserAsync(portal, AdminEmail);

        var index = await HtmlPage.GetAsync(admin, "/admin");
        Assert.NotNull(index.Document.QuerySelector("a[href='/admin/notifications']"));
        var all = await HtmlPage.GetAsync(admin, $"/admin/notifications?code={code.ToLowerInvariant()}");
        var rows = all.Document.QuerySelectorAll("tr[data-delivery]");
        Assert.Equal(3, rows.Length); // in-app and e-mail of "submitted", and the failed SMS
        Assert.Equal(failed.ToString(), rows[0].GetAttribute("data-delivery")); // newest first
        Assert.Contains("Gửi lỗi", rows[0].TextContent);
        Assert.Contains("503 Service Unavailable", rows[0].QuerySelector("[data-testid=reason]")!.TextContent);
        var mail = all.Document.QuerySelector("tr[data-channel=email]")!;
        Assert.Contains("submitted", mail.TextContent);
        Assert.Contains("Trần Văn Bình", mail.TextContent);
        Assert.Contains("tran.binh@example.com", mail.TextContent);
        Assert.Contains("Đã gửi", mail.TextContent);
        Assert.Contains($"Đã tiếp nhận hồ sơ {code}", mail.TextContent);
        Assert.Contains("Đã thử 1 lần", mail.TextContent);

        var emailOnly = await HtmlPage.GetAsync(admin, $"/admin/notifications?code={code}&channel=email");
        Assert.Equal(["email"], emailOnly.Document.QuerySelectorAll("tr[data-delivery]").Select(r => r.GetAttribute("data-channel")));
        var failedOnly = await HtmlPage.GetAsync(admin, $"/admin/notifications?code={code}&status=failed");
        Assert.Equal([failed.ToString()], failedOnly.Document.QuerySelectorAll("tr[data-delivery]").Select(r => r.GetAttribute("data-delivery")));
        var english = await HtmlPage.GetAsync(admin, $"/admin/notifications?code={code}&status=failed&culture=en");
        Assert.Contains("Failed", english.Document.QuerySelector("tr[data-delivery]")!.TextContent);
        var none = await HtmlPage.GetAsync(admin, "/admin/notifications?code=KHONG-CO");
        Assert.NotNull(none.Document.QuerySelector("[data-testid=none]"));
    }

    [Fact]
    public async Task Should_page_through_the_deliveries_keeping_the_filter()
    {
        const string code = "SGD-01-261231-9999";
        var start = new DateTime(2026, 12, 31, 1, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 60; i++)
            await AddAsync(code, NotificationChannels.Email, NotificationStatus.Sent, start.AddMinutes(i), null);
        var admin = await OfficialBrowserAsync(portal, AdminEmail);

        var first = await HtmlPage.GetAsync(admin, $"/admin/notifications?code={code}&channel=email");
        var older = first.Document.QuerySelector("[data-testid=older]")!.GetAttribute("href")!;
        var second = await HtmlPage.GetAsync(admin, older);

        Assert.Equal(50, first.Document.QuerySelectorAll("tr[data-delivery]").Length);
        Assert.Contains("31/12/2026 08:59", first.Document.QuerySelector("tr[data-delivery]")!.TextContent); // newest, Vietnam time
        Assert.Null(first.Document.QuerySelector("[data-testid=newer]"));
        Assert.Contains("channel=email", older);
        Assert.Equal(10, second.Document.QuerySelectorAll("tr[data-delivery]").Length);
        Assert.Contains("31/12/2026 08:00", second.Document.QuerySelectorAll("tr[data-delivery]").Last().TextContent);
        Assert.Null(second.Document.QuerySelector("[data-testid=older]"));
        Assert.NotNull(second.Document.QuerySelector("[data-testid=newer]"));
    }

    [Fact]
    public async Task Should_refuse_the_log_to_officials_applicants_and_visitors()
    {
        var official = await OfficialBrowserAsync(portal, "chuyenvien@demo.gov.vn");
        var applicant = await ApplicantBrowserAsync(portal, "tran.binh@example.com");
        var officialApi = await ApiSession.SignInOfficialAsync(portal, "lanhdao@demo.gov.vn");
        const string path = "/admin/notifications";

        var byOfficial = await official.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, byOfficial.StatusCode);
        Assert.Equal("/error/403", byOfficial.Headers.Location.PathOnly());
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync(byOfficial.Headers.Location)).StatusCode);
        Assert.Equal("/error/403", (await applicant.GetAsync(path)).Headers.Location.PathOnly());
        Assert.Equal(HttpStatusCode.Forbidden, (await officialApi.GetAsync(path)).StatusCode);
        Assert.Equal("/account/login", (await portal.Browser().GetAsync(path)).Headers.Location.PathOnly());
    }

    private async Task<Guid> AddAsync(string code, string channel, string status, DateTime createdAt, string? reason)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applicant = db.Users.Single(u => u.Email == "tran.binh@example.com");
        var record = new NotificationRecord
        {
            Id = Guid.NewGuid(), RecipientId = applicant.Id, DossierCode = code, Template = "decided", Channel = channel, Status = status,
            FailureReason = reason, Address = channel == NotificationChannels.Sms ? "0987654321" : applicant.Email, Attempts = 1,
            CreatedAt = createdAt, LastAttemptAt = createdAt, SentAt = status == NotificationStatus.Sent ? createdAt : null,
            SubjectVi = $"Hồ sơ {code} đã được giải quyết", BodyVi = "…", SubjectEn = $"Dossier {code} decided", BodyEn = "…",
        };
        db.Notifications.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }
}
