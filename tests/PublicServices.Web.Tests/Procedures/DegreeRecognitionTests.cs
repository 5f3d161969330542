using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>
/// workflows/degree-recognition.yaml played over HTTP with the demo officials of VN-NARIC: submission with uploads, fee in
/// the sandbox, intake, assessment, verification abroad, the leader's approval, the documents and their verification.
/// The clock starts on Monday 09/11/2026 09:00 (Vietnam), so working-day deadlines are exact.
/// </summary>
public sealed class DegreeRecognitionTests(ClockedPortalFactory portal) : DegreeRecognitionScenario(portal), IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task Should_recognise_a_degree_end_to_end_and_let_anyone_verify_the_certificate()
    {
        // The applicant registers on the portal, then uses the API with the same account.
        var browser = Portal.Browser();
        var form = await HtmlPage.GetAsync(browser, "/account/register");
        var registered = await form.SubmitAsync(browser, "/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Lê Thu Hà", ["Email"] = "le.thu.ha@example.com", ["Phone"] = "0901234567", ["Cccd"] = "001194012345",
            ["DateOfBirth"] = "1994-05-20", ["Password"] = "Secret@123", ["ConfirmPassword"] = "Secret@123",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var api = await ApiSession.SignInAsync(Portal, "le.thu.ha@example.com", "Secret@123");

        var code = await SubmitAsync(api, Application("Lê Thu Hà", "1994-05-20"));
        await DrainAsync();
        var submitted = await DetailAsync(api, code);
        Assert.Equal("pay", submitted["next"]!["kind"]!.GetValue<string>());
        Assert.Equal(500_000, submitted["next"]!["amountVnd"]!.GetValue<long>()); // studied abroad
        Assert.Equal("2026-12-07", submitted["dossier"]!["dueDate"]!.GetValue<string>()); // 20 working days from Monday 09/11

        var (_, _) = await SandboxPay.PayAsync(browser, code);
        await DrainAsync();
        await CompleteAsync(Officer, code, "intake", "accept");
        await CompleteAsync(Expert, code, "assessment", "recognise", fields: new
        {
            degreeTitleVi = "Thạc sĩ Khoa học dữ liệu", vqfLevel = "7", note = "Chương trình tập trung tại Ô-xtrây-li-a, 2 năm.",
        });
        await CompleteAsync(Leader, code, "approval", "sign");
        await DrainAsync();

        var done = await DetailAsync(api, code);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("approved", done["result"]!.GetValue<string>());
        var documents = done["documents"]!.AsArray();
        Assert.Equal(["Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Biên lai thu phí, lệ phí", "Giấy công nhận văn bằng"],
            documents.Select(d => d!["title"]!.GetValue<string>()));
        var certificate = documents[^1]!;
        var pdf = await api.GetByteArrayAsync($"/api/v1/dossiers/{code}/documents/{certificate["id"]!.GetValue<Guid>()}");
        var text = Poppler.PdfToText(pdf);
        foreach (var expected in new[] { "GIẤY CÔNG NHẬN VĂN BẰNG", "Lê Thu Hà", "20/05/1994", "Master of Science in Data Science",
                     "Thạc sĩ Khoa học dữ liệu", "University of Melbourne", "Ô-xtrây-li-a", "Bậc 7", "Lê Quang Duyệt" })
            Assert.Contains(expected, text);

        var verify = await HtmlPage.GetAsync(Portal.Browser(), "/verify/" + certificate["verificationCode"]!.GetValue<string>());
        Assert.Equal("valid", verify.Document.QuerySelector("[data-testid=verify-result]")!.GetAttribute("data-status"));
        Assert.Equal("Lê T** H*", verify.Document.QuerySelector("[data-testid=holder]")!.TextContent);
        var receiptSlip = Poppler.PdfToText(await api.GetByteArrayAsync($"/api/v1/dossiers/{code}/documents/{documents[0]!["id"]!.GetValue<Guid>()}"));
        Assert.Contains("07/12/2026", receiptSlip); // the appointment date
        var feeReceipt = Poppler.PdfToText(await api.GetByteArrayAsync($"/api/v1/dossiers/{code}/documents/{documents[1]!["id"]!.GetValue<Guid>()}"));
        Assert.Contains("500.000", feeReceipt);
    }

    [Fact]
    public async Task Should_refuse_with_the_experts_reasons_once_the_leader_signs()
    {
        var (api, code) = await PaidAsync("nguyen.an@example.com", "Nguyễn Thị Hồng Nhung", "2007-03-15", studyPlace: "vietnam");
        Assert.Equal(250_000, await WithDbAsync(db => db.Payments.Where(p => p.DossierCode == code).Select(p => p.AmountVnd).FirstAsync()));
        await CompleteAsync(Officer, code, "intake", "accept");
        var reason = "Chương trình liên kết chưa được Bộ Giáo dục và Đào tạo phê duyệt.";
        var missingReason = await CompleteAsync(Expert, code, "assessment", "refuse", expect: HttpStatusCode.BadRequest);
        Assert.Contains("lý do", missingReason, StringComparison.OrdinalIgnoreCase);
        await CompleteAsync(Expert, code, "assessment", "refuse", reason);
        await CompleteAsync(Leader, code, "approval", "sign");
        await DrainAsync();

        var detail = await DetailAsync(api, code);
        Assert.Equal("refused", detail["result"]!.GetValue<string>());
        var letter = detail["documents"]!.AsArray().Single(d => d!["title"]!.GetValue<string>().StartsWith("Thông báo từ chối", StringComparison.Ordinal))!;
        var text = Poppler.PdfToText(await api.GetByteArrayAsync($"/api/v1/dossiers/{code}/documents/{letter["id"]!.GetValue<Guid>()}"));
        Assert.Contains(reason, text.Replace("\n", " "));
        Assert.Contains("Lê Quang Duyệt", text);
    }

    [Fact]
    public async Task Should_let_the_applicant_withdraw_and_close_every_task()
    {
        var (api, code) = await PaidAsync("nguyen.an@example.com", "Nguyễn Thị Hồng Nhung", "2007-03-15");
        var withdrawn = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawal", new { reason = "Đã được cơ quan khác công nhận." });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await DetailAsync(api, code))["result"]!.GetValue<string>());
        Assert.False(await WithDbAsync(db => db.Tasks.AnyAsync(t => t.DossierCode == code)));
    }

    [Fact]
    public async Task Should_refuse_an_application_that_breaks_the_rules_and_create_nothing()
    {
        var api = await ApiSession.SignInAsync(Portal, "tran.binh@example.com");
        var data = Application("Trần Văn Bình", "1995-08-02");
        foreach (var field in new[] { "diplomaCopy", "diplomaTranslation", "transcript", "transcriptTranslation" })
            data[field] = new JsonArray(await UploadAsync(api));
        data["proofOfStudyAbroad"] = new JsonArray(); // studied abroad: proof required
        var before = await WithDbAsync(db => db.Dossiers.CountAsync());

        var noProof = await ErrorsAsync(api, data);
        data["proofOfStudyAbroad"] = new JsonArray(await UploadAsync(api));
        data["graduatedOn"] = "2018-01-01"; // before the enrolment (the cross-field rules run once every field is valid)
        var datesWrong = await ErrorsAsync(api, data);

        Assert.Equal(["proofOfStudyAbroad"], noProof.Select(e => e.Key));
        Assert.Equal("Ngày cấp bằng phải sau ngày nhập học.", datesWrong["graduatedOn"]![0]!.GetValue<string>());
        Assert.Equal(before, await WithDbAsync(db => db.Dossiers.CountAsync()));
    }


    private static async Task<JsonObject> ErrorsAsync(HttpClient api, JsonObject data)
    {
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "degree-recognition", declaration = true, data });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
    }
}
