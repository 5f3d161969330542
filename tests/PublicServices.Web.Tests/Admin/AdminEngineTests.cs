using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using static PublicServices.Web.Tests.Admin.AdminSessions;

namespace PublicServices.Web.Tests.Admin;

public sealed class AdminEngineTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public AdminEngineTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_list_an_open_incident_in_Vietnam_time_and_retry_it()
    {
        // 03:04 UTC is 10:04 in Vietnam.
        var (incident, message) = await FailedMessageAsync(new DateTime(2026, 1, 5, 3, 4, 0, DateTimeKind.Utc));
        var admin = await OfficialBrowserAsync(portal, AdminEmail);

        var open = await HtmlPage.GetAsync(admin, "/admin/incidents");
        var row = open.Document.QuerySelector($"tr[data-incident='{incident}']")?.TextContent;
        Assert.NotNull(row);
        Assert.Contains("05/01/2026 10:04", row);
        Assert.Contains("Gửi thông báo", row);
        Assert.Contains("email: SMTP down", row);

        var retried = await open.SubmitAsync(admin, $"/admin/incidents/{incident}/retry", new Dictionary<string, string>());
        var after = await FollowAsync(admin, retried);
        Assert.Contains("Đã chạy lại", after.Text);
        Assert.Null(after.Document.QuerySelector($"tr[data-incident='{incident}']"));
        var all = await HtmlPage.GetAsync(admin, "/admin/incidents?all=true");
        Assert.Contains("Đã xử lý lúc", all.Document.QuerySelector($"tr[data-incident='{incident}']")?.TextContent);
        using (var scope = portal.Services.CreateScope())
            Assert.Equal(OutboxStatus.Pending, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.SingleAsync(m => m.Id == message)).Status);

        // The same button pressed again from a stale page.
        var again = await open.SubmitAsync(admin, $"/admin/incidents/{incident}/retry", new Dictionary<string, string>());
        Assert.Contains("đã được xử lý trước đó", (await FollowAsync(admin, again)).Text);
    }

    [Fact]
    public async Task Should_reject_a_retry_without_the_antiforgery_token()
    {
        var (incident, _) = await FailedMessageAsync(DateTime.UtcNow);
        var admin = await OfficialBrowserAsync(portal, AdminEmail);

        var response = await admin.PostAsync($"/admin/incidents/{incident}/retry", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var scope = portal.Services.CreateScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.SingleAsync(i => i.Id == incident)).ResolvedAt);
    }

    [Fact]
    public async Task Should_show_each_procedure_version_with_its_running_dossiers()
    {
        var admin = await OfficialBrowserAsync(portal, AdminEmail);
        var before = RunningDiplomaCopies(await HtmlPage.GetAsync(admin, "/admin/procedures"));

        await SubmitDiplomaCopyAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/procedures");
        var english = await HtmlPage.GetAsync(admin, "/admin/procedures?culture=en");

        var row = page.Document.QuerySelector("tr[data-procedure='diploma-copy']")!;
        var published = portal.Services.GetRequiredService<PublicServices.Platform.Engine.DefinitionRegistry>().Latest("diploma-copy")!.Version;
        Assert.Equal(published.ToString(), row.GetAttribute("data-version"));
        Assert.Contains("Cấp bản sao văn bằng", row.TextContent);
        Assert.Contains("Đang áp dụng", row.TextContent);
        Assert.Equal(before + 1, RunningDiplomaCopies(page));
        Assert.Contains("Certified copy of a diploma", english.Document.QuerySelector("tr[data-procedure='diploma-copy']")!.TextContent);
    }

    private static int RunningDiplomaCopies(HtmlPage page) =>
        int.Parse(page.Document.QuerySelector("tr[data-procedure='diploma-copy'] [data-testid=running]")!.TextContent.Trim());

    private async Task SubmitDiplomaCopyAsync()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var upload = await client.PostAsync("/api/v1/attachments",
            new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png(800, 600)), "file", "cccd.png" } });
        var attachment = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var data = new JsonObject
        {
            ["fullName"] = "Nguyễn Thị Hồng Nhung", ["dateOfBirth"] = "2007-03-15", ["cccd"] = "001307012345", ["phone"] = "0912345678",
            ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = 2025, ["copies"] = 2, ["delivery"] = "pickup",
            ["idCard"] = new JsonArray(attachment),
        };
        var submitted = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
    }

    private async Task<(Guid Incident, Guid Message)> FailedMessageAsync(DateTime occurredAt)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = new OutboxMessageRecord
        {
            Id = Guid.NewGuid(), Kind = "email", PayloadJson = "{}", Status = OutboxStatus.Failed, Attempts = 5,
            DueAt = occurredAt, CreatedAt = occurredAt, LastError = "SMTP down",
        };
        var incident = new IncidentRecord
        {
            Id = Guid.NewGuid(), Source = "outbox", OutboxMessageId = message.Id, Error = "email: SMTP down", OccurredAt = occurredAt,
        };
        db.AddRange(message, incident);
        await db.SaveChangesAsync();
        return (incident.Id, message.Id);
    }
}
