using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>Supplements pause the 20 working days; the clock moves, so this class has its own portal.</summary>
public sealed class DegreeRecognitionSupplementTests(ClockedPortalFactory portal) : DegreeRecognitionScenario(portal), IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task Should_pause_the_deadline_while_the_applicant_supplements_the_dossier()
    {
        var (api, code) = await PaidAsync("tran.binh@example.com", "Trần Văn Bình", "1995-08-02");
        Assert.Equal("2026-12-07", (await DetailAsync(api, code))["dossier"]!["dueDate"]!.GetValue<string>());

        await CompleteAsync(Officer, code, "intake", "supplement", "Bản dịch bảng điểm chưa có chứng thực.", supplementFields: ["transcriptTranslation"]);
        await DrainAsync();
        var asked = await DetailAsync(api, code);
        Assert.Equal("amend", asked["next"]!["kind"]!.GetValue<string>());
        Assert.Equal("Bản dịch bảng điểm chưa có chứng thực.", asked["next"]!["reason"]!.GetValue<string>());
        Assert.Contains(asked["documents"]!.AsArray(), d => d!["title"]!.GetValue<string>().StartsWith("Phiếu yêu cầu bổ sung", StringComparison.Ordinal));

        Portal.Clock.Advance(TimeSpan.FromDays(3)); // Thursday: three working days spent waiting
        api = await ApiSession.SignInAsync(Portal, "tran.binh@example.com"); // the earlier token has expired
        var resubmitted = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments",
            new { data = new JsonObject { ["transcriptTranslation"] = new JsonArray(await UploadAsync(api)) } });
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);

        Assert.Equal("2026-12-10", (await DetailAsync(api, code))["dossier"]!["dueDate"]!.GetValue<string>()); // moved by 3 working days
        Assert.True(await WithDbAsync(db => db.Tasks.AnyAsync(t => t.DossierCode == code && t.StepId == "intake")));
    }
}

/// <summary>An unpaid fee cancels the dossier after three days; the clock moves, so this class has its own portal.</summary>
public sealed class DegreeRecognitionFeeExpiryTests(ClockedPortalFactory portal) : DegreeRecognitionScenario(portal), IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task Should_cancel_the_dossier_when_the_fee_is_not_paid_in_three_days()
    {
        var api = await ApiSession.SignInAsync(Portal, "tran.binh@example.com");
        var code = await SubmitAsync(api, Application("Trần Văn Bình", "1995-08-02"));
        await DrainAsync(); // receipt slip issued: the fee is now asked for, for three days
        Portal.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        using (var scope = Portal.Services.CreateScope())
            await scope.ServiceProvider.GetServices<IBackgroundWork>().OfType<TimerWork>().Single().RunOnceAsync("test", CancellationToken.None);
        api = await ApiSession.SignInAsync(Portal, "tran.binh@example.com"); // the earlier token has expired

        var detail = await DetailAsync(api, code);
        Assert.Equal("cancelled", detail["result"]!.GetValue<string>());
        Assert.False(await WithDbAsync(db => db.Tasks.AnyAsync(t => t.DossierCode == code)));
    }
}

/// <summary>
/// Verification abroad moves the deadline to 45 working days from receipt; submitted on Friday 24/04/2026, just before the
/// Hùng Kings (27/04) and 30/04–01/05 holidays, so both deadlines cross them.
/// </summary>
public sealed class DegreeRecognitionVerificationTests(BeforeMayHolidaysPortalFactory portal)
    : DegreeRecognitionScenario(portal), IClassFixture<BeforeMayHolidaysPortalFactory>
{
    [Fact]
    public async Task Should_extend_the_deadline_to_45_working_days_for_verification_abroad_and_let_the_leader_send_back()
    {
        var (api, code) = await PaidAsync("tran.binh@example.com", "Trần Văn Bình", "1995-08-02");
        Assert.Equal("2026-05-27", (await DetailAsync(api, code))["dossier"]!["dueDate"]!.GetValue<string>()); // 20 working days
        await CompleteAsync(Officer, code, "intake", "accept");
        await CompleteAsync(Expert, code, "assessment", "verify-abroad", "Gửi thư xác minh tới University of Melbourne.");
        Assert.Equal("2026-07-01", (await DetailAsync(api, code))["dossier"]!["dueDate"]!.GetValue<string>()); // 45 working days from Friday 24/04/2026, across 27/04, 30/04 and 01/05
        await CompleteAsync(Expert, code, "verification", "confirmed");
        await CompleteAsync(Expert, code, "assessment", "recognise", fields: new { degreeTitleVi = "Thạc sĩ Khoa học dữ liệu", vqfLevel = "7" });

        await CompleteAsync(Leader, code, "approval", "send-back", "Ghi rõ tên ngành theo danh mục đào tạo.");
        Assert.True(await WithDbAsync(db => db.Tasks.AnyAsync(t => t.DossierCode == code && t.StepId == "assessment")));
        Assert.False(await WithDbAsync(db => db.IssuedDocuments.AnyAsync(d => d.DossierCode == code && d.TemplateId == "recognition-certificate")));
        var sentBack = await WithDbAsync(db => db.Journal.Where(j => j.StepId == "approval" && j.Outcome == "send-back")
            .Join(db.Dossiers.Where(d => d.Code == code), j => j.InstanceId, d => d.InstanceId, (j, d) => j.Summary).SingleAsync());
        Assert.Contains("Ghi rõ tên ngành", sentBack);
    }
}

/// <summary>A deadline reaching a year without holiday data never costs the citizen their submission.</summary>
public sealed class DegreeRecognitionYearEndTests(YearEndPortalFactory portal) : DegreeRecognitionScenario(portal), IClassFixture<YearEndPortalFactory>
{
    [Fact]
    public async Task Should_receive_the_dossier_without_a_due_date_when_next_years_holidays_are_missing()
    {
        var api = await ApiSession.SignInAsync(Portal, "tran.binh@example.com");

        var code = await SubmitAsync(api, Application("Trần Văn Bình", "1995-08-02"));
        await DrainAsync();

        var detail = await DetailAsync(api, code);
        Assert.Null(detail["dossier"]!["dueDate"]?.GetValue<string>());
        Assert.Equal("pay", detail["next"]!["kind"]!.GetValue<string>()); // received, receipt slip issued, fee asked for
    }
}
