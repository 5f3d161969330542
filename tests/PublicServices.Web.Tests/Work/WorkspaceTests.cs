using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Work;

/// <summary>
/// The officials' workspace through HTTP: the demo procedure's review task belongs to department officers of sgd-01
/// (so.hanoi@demo.gov.vn); officials of another role or unit must not see it.
/// </summary>
public sealed class WorkspaceTests : IClassFixture<PortalFactory>
{
    private const string Officer = "so.hanoi@demo.gov.vn";
    private readonly PortalFactory portal;

    public WorkspaceTests(PortalFactory portal) => this.portal = portal;

    private async Task<Guid> TaskOfAsync(string code)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.Where(t => t.DossierCode == code).Select(t => t.Id).SingleAsync();
    }

    [Fact]
    public async Task Should_scope_tasks_and_dossiers_to_role_and_unit()
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, "nguyen.an@example.com", 1, name: "Phạm Đức Thắng"))[0];
        var task = await TaskOfAsync(code);
        await TestDossiers.CreateOfficialAsync(portal, "so.khac@demo.gov.vn", "department-officer", "naric", "Cán Bộ Khác");
        var officer = await ApiSession.SignInOfficialAsync(portal, Officer);
        var otherUnit = await ApiSession.SignInOfficialAsync(portal, "so.khac@demo.gov.vn");
        var otherRole = await ApiSession.SignInOfficialAsync(portal, "hoidong.hanoi@demo.gov.vn");
        var applicant = await SignIn.ApplicantAsync(portal, "nguyen.an@example.com");

        var found = await officer.GetFromJsonAsync<JsonObject>("/api/v1/tasks?q=pham duc thang");
        var notFound = await otherUnit.GetFromJsonAsync<JsonObject>("/api/v1/tasks?q=" + code);
        var browser = await SignIn.OfficialAsync(portal, "so.khac@demo.gov.vn");

        Assert.Contains(found!["items"]!.AsArray(), t => t!["dossierCode"]!.GetValue<string>() == code);
        Assert.Empty(notFound!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/work/tasks/{task}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome = "accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherRole.PostAsJsonAsync($"/api/v1/tasks/{task}/claim", new { })).StatusCode);
        var forbidden = await applicant.GetAsync("/work");
        Assert.Equal("/error/403", forbidden.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Should_lock_a_claimed_task_to_its_official_and_require_reasons()
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, "tran.binh@example.com", 1))[0];
        var task = await TaskOfAsync(code);
        await TestDossiers.CreateOfficialAsync(portal, "so.hai@demo.gov.vn", "department-officer", "sgd-01", "Ngô Thị Hai");
        var first = await ApiSession.SignInOfficialAsync(portal, Officer);
        var second = await ApiSession.SignInOfficialAsync(portal, "so.hai@demo.gov.vn");

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsJsonAsync($"/api/v1/tasks/{task}/claim", new { })).StatusCode);
        var stolen = await second.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome = "accept" });
        var claimedAgain = await second.PostAsJsonAsync($"/api/v1/tasks/{task}/claim", new { });
        var noReason = await first.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome = "refuse" });
        var refused = await first.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome = "refuse", comment = "Không có tên trong sổ gốc năm 2025." });

        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Contains("Đỗ Minh Sở", (await stolen.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, claimedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Tasks.AnyAsync(t => t.Id == task));
        var audit = await db.Audit.Where(a => a.Target == code || a.Target == task.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains("task.claim", audit);
        Assert.Contains("task.complete", audit);
    }

    [Fact]
    public async Task Should_let_only_the_units_leader_reassign_and_only_to_a_holder_of_the_role()
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, "tran.binh@example.com", 1))[0];
        var task = await TaskOfAsync(code);
        await TestDossiers.CreateOfficialAsync(portal, "so.bon@demo.gov.vn", "department-officer", "sgd-01", "Vi Thị Bốn");
        string colleague, council;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            colleague = await db.Users.Where(u => u.Email == "so.bon@demo.gov.vn").Select(u => u.Id).SingleAsync();
            council = await db.Users.Where(u => u.Email == "hoidong.hanoi@demo.gov.vn").Select(u => u.Id).SingleAsync();
        }
        var leader = await SignIn.OfficialAsync(portal, "lanhdao.so@demo.gov.vn");
        var officer = await SignIn.OfficialAsync(portal, Officer);
        async Task<HttpResponseMessage> ReassignAsync(HttpClient browser, string to)
        {
            var own = await HtmlPage.GetAsync(browser, "/work");
            var mine = own.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await browser.PostAsync($"/work/tasks/{task}/reassign", new FormUrlEncodedContent([new("__RequestVerificationToken", mine), new("to", to)]));
        }

        await ReassignAsync(officer, colleague);
        var afterOfficer = await TaskRowAsync(task);
        await ReassignAsync(leader, council);
        var afterWrongRole = await TaskRowAsync(task);
        await ReassignAsync(leader, colleague);
        var afterLeader = await TaskRowAsync(task);

        Assert.Null(afterOfficer);
        Assert.Null(afterWrongRole);
        Assert.Equal("Vi Thị Bốn", afterLeader);
    }

    private async Task<string?> TaskRowAsync(Guid task)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.Where(t => t.Id == task).Select(t => t.ClaimedByName).SingleAsync();
    }

    [Fact]
    public async Task Should_show_the_dossier_on_the_task_page_and_run_the_supplement_loop_with_the_applicant()
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, "nguyen.an@example.com", 1))[0];
        var task = await TaskOfAsync(code);
        var official = await SignIn.OfficialAsync(portal, Officer);

        var page = await HtmlPage.GetAsync(official, $"/work/tasks/{task}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Thành phố Hà Nội", page.Document.GetElementById("value-province")!.TextContent.Trim());
        Assert.Equal("15/03/2007", page.Document.GetElementById("value-dateOfBirth")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("#value-idCard img[src*='inline=true']"));
        var withoutReason = await HtmlPage.ParseAsync(await page.SubmitAsync(official, $"/work/tasks/{task}/complete", new Dictionary<string, string> { ["outcome"] = "supplement" }));
        Assert.Contains("lý do", withoutReason.FieldError("comment"));

        var content = new FormUrlEncodedContent(new KeyValuePair<string, string>[]
        {
            KeyValuePair.Create("__RequestVerificationToken", page.Document.QuerySelector($"form[action='/work/tasks/{task}/complete'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            KeyValuePair.Create("outcome", "supplement"), KeyValuePair.Create("comment", "Năm tốt nghiệp không khớp sổ gốc."),
            KeyValuePair.Create("fields", "graduationYear"),
        });
        Assert.Equal("/work", (await official.PostAsync($"/work/tasks/{task}/complete", content)).Headers.Location!.ToString());

        var applicant = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var detail = await applicant.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}");
        Assert.Equal("Năm tốt nghiệp không khớp sổ gốc.", detail!["next"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments", new { data = new { graduationYear = 2024 } })).StatusCode);

        var again = await TaskOfAsync(code);
        Assert.NotEqual(task, again);
        var review = await HtmlPage.GetAsync(official, $"/work/tasks/{again}");
        Assert.Equal("2024", review.Document.GetElementById("value-graduationYear")!.TextContent.Trim());
        Assert.Contains("Năm tốt nghiệp không khớp sổ gốc.", review.Document.QuerySelector("[data-testid=timeline]")!.TextContent);

        var csv = await official.GetByteArrayAsync($"/work/export.csv?q={code}");
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.StartsWith("Mã hồ sơ,Người nộp,CCCD", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(code + ",Nguyễn Thị Hồng Nhung,001307012345,diploma-copy,review,"));

        var admin = await SignIn.OfficialAsync(portal, "admin@demo.gov.vn");
        var log = await HtmlPage.GetAsync(admin, $"/admin/audit?target={code}");
        var actions = log.Document.QuerySelectorAll("[data-testid=audit] tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.Contains("dossier.view", actions);
        Assert.Contains("task.complete", actions);
        Assert.All(log.Document.QuerySelectorAll("[data-testid=audit] tbody tr"), r => Assert.Equal("Đỗ Minh Sở", r.Children[1].TextContent));
        Assert.Equal("/error/403", (await official.GetAsync("/admin/audit")).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Should_complete_a_thousand_tasks_in_bulk_reporting_each_item()
    {
        var codes = await TestDossiers.SubmitPaidAsync(portal, "tran.binh@example.com", 1000, name: "Lò Văn Hàng Loạt");
        await TestDossiers.CreateOfficialAsync(portal, "so.ba@demo.gov.vn", "department-officer", "sgd-01", "Đinh Văn Ba");
        var official = await ApiSession.SignInOfficialAsync(portal, Officer);
        var colleague = await ApiSession.SignInOfficialAsync(portal, "so.ba@demo.gov.vn");
        List<Guid> ids;
        using (var scope = portal.Services.CreateScope())
            ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.Where(t => codes.Contains(t.DossierCode!)).Select(t => t.Id).ToListAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await colleague.PostAsJsonAsync($"/api/v1/tasks/{ids[7]}/claim", new { })).StatusCode);
        var unknown = Guid.NewGuid();

        var response = await official.PostAsJsonAsync("/api/v1/tasks/bulk-complete", new { taskIds = ids.Append(unknown), outcome = "refuse", comment = "Không có tên trong sổ gốc." });
        var results = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1001, results.Count);
        Assert.Equal(999, results.Count(r => r!["status"]!.GetValue<string>() == "Done"));
        Assert.Equal("TakenByAnother", results.Single(r => r!["taskId"]!.GetValue<Guid>() == ids[7])!["status"]!.GetValue<string>());
        Assert.Equal("NotFound", results.Single(r => r!["taskId"]!.GetValue<Guid>() == unknown)!["status"]!.GetValue<string>());
        using var check = portal.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal([ids[7]], await db.Tasks.Where(t => codes.Contains(t.DossierCode!)).Select(t => t.Id).ToListAsync());
        Assert.Equal(999, await db.Journal.CountAsync(j => j.StepId == "review" && j.Outcome == "refuse" && j.Event == "completed"));
    }
}
