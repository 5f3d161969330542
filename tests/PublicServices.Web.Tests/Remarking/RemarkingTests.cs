using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Remarking;

/// <summary>
/// A re-marking as the exam will have it, on the test pair of procedures: the result certificate is issued by the
/// candidate's council (not the procedure's agency) and listed in that unit's register; the re-marking starts only from
/// the applicant's own approved result, prefilled with the copied values, pays a fee per subject, the council records the
/// new score and, when it moves by 0.25 or more, the new certificate replaces the old one, which /verify shows revoked.
/// </summary>
public sealed class RemarkingTests(RemarkingPortal portal) : IClassFixture<RemarkingPortal>
{
    private const string Applicant = "nguyen.an@example.com";
    private const string Other = "tran.binh@example.com";
    private const string Marker = "so.hanoi@demo.gov.vn";
    private const string Council = "hoidong.hcm@test.gov.vn";
    private const string CouncilLeader = "lanhdao.hcm@test.gov.vn";

    [Fact]
    public async Task Changed_score_reissues_the_certificate_by_the_council_and_revokes_the_old_one()
    {
        var (api, parent) = await ResultAsync(toan: 7.5);
        var parentVariables = await VariablesAsync(parent);
        var oldCode = parentVariables["certificate"]!["code"]!.GetValue<string>();
        var oldDocument = await portal.QueryAsync(db => db.IssuedDocuments.SingleAsync(d => d.DossierCode == parent));
        Assert.Equal("sgd-02", oldDocument.AgencyCode);
        Assert.True(await portal.QueryAsync(db => db.Sequences.AnyAsync(q => q.Scope.StartsWith("document:sgd-02:"))));
        Assert.False(await portal.QueryAsync(db => db.Sequences.AnyAsync(q => q.Scope.StartsWith("document:sgd-01:")))); // the agency's register is untouched

        // The catalogue has no start button for the re-marking, the result page has the link.
        var browser = await SignIn.ApplicantAsync(portal, Applicant);
        var catalogue = await HtmlPage.GetAsync(browser, "/");
        var card = catalogue.Document.QuerySelector($"[data-procedure='{RemarkingPortal.Child}']")!;
        Assert.Null(card.QuerySelector($"a[href='/procedures/{RemarkingPortal.Child}/start']"));
        Assert.Contains("Thử đăng ký dự thi", card.QuerySelector("[data-testid=starts-from]")!.TextContent);
        var page = await HtmlPage.GetAsync(browser, $"/dossiers/{parent}");
        var link = page.Document.QuerySelector($"[data-testid=start-from] a[data-procedure='{RemarkingPortal.Child}']")!;
        Assert.Equal("Đề nghị phúc khảo", link.TextContent.Trim());

        // The draft is prefilled from the parent; two subjects at 20.000 ₫ each.
        var start = await browser.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var draftPage = start.Headers.Location!.ToString();
        var form = await HtmlPage.GetAsync(browser, draftPage);
        Assert.Equal("02000001", form.Document.QuerySelector("input[name=candidateNumber]")!.GetAttribute("value"));
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await browser.PostAsync(draftPage, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("candidateNumber", "02000001"), new("subjects", "toan"), new("subjects", "van"), new("next", "1"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var review = await HtmlPage.GetAsync(browser, saved.Headers.Location!.ToString());
        var reviewAction = review.Document.QuerySelector("form[action$='/submit']")!.GetAttribute("action")!;
        var submitted = await review.SubmitAsync(browser, reviewAction, new Dictionary<string, string> { ["declaration"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var child = submitted.Headers.Location!.ToString()["/dossiers/".Length..];

        var childVariables = await VariablesAsync(child);
        Assert.Equal(parent, childVariables["source"]!["dossierCode"]!.GetValue<string>());
        Assert.Equal(oldDocument.Id.ToString(), childVariables["source"]!["certificateDocumentId"]!.ToString());
        Assert.Equal(7.5, childVariables["source"]!["scores"]!["toan"]!.GetValue<double>());
        Assert.Equal(parent, await portal.QueryAsync(db => db.Dossiers.Where(d => d.Code == child).Select(d => d.ParentDossierCode).SingleAsync()));
        var childPage = await HtmlPage.GetAsync(browser, $"/dossiers/{child}");
        Assert.Equal("40.000 ₫", childPage.Document.QuerySelector("[data-testid=fee]")!.TextContent.Trim().Replace(",", "."));
        await SandboxPay.PayAsync(browser, child);
        await portal.DrainOutboxAsync();

        // The council of TP.HCM (the candidate's) records 7.75: it moved by 0.25, the certificate is re-issued.
        await TestDossiers.CreateOfficialAsync(portal, Council, Roles.CouncilOfficer, "sgd-02", "Lý Thị Phúc");
        await CompleteAsync(Council, child, "review", "record", new { toan = 7.75 });
        var newDocument = await portal.QueryAsync(db => db.IssuedDocuments.SingleAsync(d => d.DossierCode == child));
        Assert.Equal("sgd-02", newDocument.AgencyCode);
        Assert.NotEqual(oldDocument.Number, newDocument.Number);

        var anyone = portal.CreateClient();
        var old = (await anyone.GetFromJsonAsync<JsonObject>($"/api/v1/verify/{oldCode}"))!;
        Assert.Equal(IssuedDocumentStatus.Revoked, old["status"]!.GetValue<string>());
        Assert.Contains($"Thay thế bởi văn bản số {newDocument.Number}", old["revokedReason"]!.GetValue<string>());
        var fresh = (await anyone.GetFromJsonAsync<JsonObject>($"/api/v1/verify/{VerificationCodes.Display(newDocument.VerificationCode)}"))!;
        Assert.Equal(IssuedDocumentStatus.Valid, fresh["status"]!.GetValue<string>());
        Assert.Equal("Sở Giáo dục và Đào tạo TP. Hồ Chí Minh", fresh["agencyName"]!.GetValue<string>());
        Assert.True(await portal.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "document.revoke" && a.Target == oldDocument.Number)));

        // The issuing unit's register lists both (and its leader may revoke); the procedure's agency does not see them.
        await TestDossiers.CreateOfficialAsync(portal, CouncilLeader, Roles.DepartmentLeader, "sgd-02", "Trương Văn Lãnh");
        var leader = await SignIn.OfficialAsync(portal, CouncilLeader);
        var register = await HtmlPage.GetAsync(leader, "/work/documents");
        Assert.Contains(oldDocument.Number, register.Text);
        Assert.Contains(newDocument.Number, register.Text);
        var revokeAction = $"/work/documents/{newDocument.Id}/revoke";
        Assert.NotNull(register.Document.QuerySelector($"form[action='{revokeAction}']"));
        var hanoi = await HtmlPage.GetAsync(await SignIn.OfficialAsync(portal, "lanhdao.so@demo.gov.vn"), "/work/documents");
        Assert.DoesNotContain(newDocument.Number, hanoi.Text);
        await register.SubmitAsync(leader, revokeAction, new Dictionary<string, string> { ["reason"] = "Thử thu hồi bởi đơn vị cấp" });
        Assert.Equal(IssuedDocumentStatus.Revoked, await portal.QueryAsync(db => db.IssuedDocuments.Where(d => d.Id == newDocument.Id).Select(d => d.Status).SingleAsync()));
        _ = api;
    }

    [Fact]
    public async Task A_score_moving_less_than_a_quarter_keeps_the_certificate()
    {
        var (api, parent) = await ResultAsync(toan: 6.0, council: "02");
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = RemarkingPortal.Child, declaration = true, from = parent,
            data = new { candidateNumber = "02000001", subjects = new[] { "toan" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var child = (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        await SandboxPay.PayAsync(await SignIn.ApplicantAsync(portal, Applicant), child);
        await portal.DrainOutboxAsync();
        await TestDossiers.CreateOfficialAsync(portal, Council, Roles.CouncilOfficer, "sgd-02", "Lý Thị Phúc");
        await CompleteAsync(Council, child, "review", "record", new { toan = 6.2 });
        Assert.Equal("unchanged", (await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{child}"))!["result"]!.GetValue<string>());
        Assert.False(await portal.QueryAsync(db => db.IssuedDocuments.AnyAsync(d => d.DossierCode == child)));
        Assert.Equal(IssuedDocumentStatus.Valid, await portal.QueryAsync(db => db.IssuedDocuments.Where(d => d.DossierCode == parent).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Not_startable_without_an_eligible_parent_nor_from_someone_elses_dossier()
    {
        var (api, parent) = await ResultAsync(toan: 5.0);
        var body = new { candidateNumber = "02000001", subjects = new[] { "toan" } };

        var none = await api.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = RemarkingPortal.Child, declaration = true, data = body });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("trang kết quả", (await none.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["from"]![0]!.GetValue<string>());
        var browser = await SignIn.ApplicantAsync(portal, Applicant);
        var start = await browser.GetAsync($"/procedures/{RemarkingPortal.Child}/start");
        Assert.Equal("/", start.Headers.Location!.ToString());

        var other = await ApiSession.SignInAsync(portal, Other);
        var stolen = await other.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = RemarkingPortal.Child, declaration = true, from = parent, data = body });
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        var otherBrowser = await SignIn.ApplicantAsync(portal, Other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/procedures/{RemarkingPortal.Child}/start?from={parent}")).StatusCode);

        // A parent still being marked is not eligible (the procedure starts from approved results only).
        var pending = await SubmitParentAsync(api, "02");
        var early = await api.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = RemarkingPortal.Child, declaration = true, from = pending, data = body });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Empty((await HtmlPage.GetAsync(browser, $"/dossiers/{pending}")).Document.QuerySelectorAll("[data-testid=start-from]"));

        // Rules read the copied values: a candidate number other than the result's is refused.
        var wrong = await api.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = RemarkingPortal.Child, declaration = true, from = parent, data = new { candidateNumber = "02999999", subjects = new[] { "toan" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotNull((await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["candidateNumber"]);
    }

    [Fact]
    public async Task An_issuer_that_is_not_a_unit_fails_into_an_incident_at_once()
    {
        var api = await ApiSession.SignInAsync(portal, Applicant);
        var code = await SubmitParentAsync(api, "99");
        await CompleteAsync(Marker, code, "grade", "publish", new { toan = 5, van = 5 });
        var instance = await portal.QueryAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync());
        var incident = await portal.QueryAsync(db => db.Incidents.SingleAsync(i => i.InstanceId == instance));
        Assert.Contains("sgd-99", incident.Error);
        var message = await portal.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == incident.OutboxMessageId));
        Assert.Equal((OutboxStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.False(await portal.QueryAsync(db => db.IssuedDocuments.AnyAsync(d => d.DossierCode == code)));
    }

    /// <summary>An approved result of the applicant: submitted, marked by the department, certificate issued by sgd-{council}.</summary>
    private async Task<(HttpClient Api, string Code)> ResultAsync(double toan, string council = "02")
    {
        var api = await ApiSession.SignInAsync(portal, Applicant);
        var code = await SubmitParentAsync(api, council);
        await CompleteAsync(Marker, code, "grade", "publish", new { toan, van = 6.25 });
        var detail = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}"))!;
        Assert.Equal("approved", detail["result"]!.GetValue<string>());
        return (api, code);
    }

    private static async Task<string> SubmitParentAsync(HttpClient api, string council)
    {
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = RemarkingPortal.Parent, declaration = true, data = new { fullName = "Nguyễn Thị Hồng Nhung", council },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    private async Task CompleteAsync(string official, string code, string step, string outcome, object fields)
    {
        var task = await portal.QueryAsync(db => db.Tasks.Where(t => t.DossierCode == code && t.StepId == step).Select(t => t.Id).SingleAsync());
        var client = await ApiSession.SignInOfficialAsync(portal, official);
        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome, fields });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{step}/{outcome}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await portal.DrainOutboxAsync();
    }

    private Task<JsonObject> VariablesAsync(string code) => portal.QueryAsync(async db =>
    {
        var instance = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        return WorkflowStateJson.Deserialize(await db.Instances.Where(i => i.Id == instance).Select(i => i.StateJson).SingleAsync()).Variables;
    });
}
