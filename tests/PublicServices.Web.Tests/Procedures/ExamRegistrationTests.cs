using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>Registration for the graduation exam inside its window, and what is still possible after it closes.</summary>
public sealed class ExamRegistrationTests(ExamPortalFactory portal) : ExamScenario(portal), IClassFixture<ExamPortalFactory>
{
    [Fact]
    public async Task A_grade_12_student_registers_edits_within_the_window_and_is_refused_after_it()
    {
        var api = await ApplicantAsync("hs.minh@example.com", "Lê Hoàng Minh", "001209000101");
        var code = await RegisterAsync(api, Registration("Lê Hoàng Minh", "001209000101", "01-001"));
        var (firstTask, unit) = await TaskAsync(code, "school-check");
        Assert.Equal("01-001", unit); // the grade-12 school verifies

        // A second registration with the same CCCD for the same exam year is refused; nothing is created.
        var again = await PostRegistrationAsync(api, Registration("Lê Hoàng Minh", "001209000101", "01-001"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.Dossiers.CountAsync(d => d.ProcedureId == "exam-registration" && d.UniqueKey == "2027-001209000101")));

        // Within the window the candidate changes the electives: the school's task starts again on the new data.
        var changed = Registration("Lê Hoàng Minh", "001209000101", "01-001");
        changed["electives"] = new JsonArray("HOA", "NN");
        changed["photo"] = new JsonArray(await UploadAsync(api, TestFiles.Png(400, 600), "photo.png"));
        var edit = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = changed });
        Assert.True(edit.StatusCode == HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        var (secondTask, _) = await TaskAsync(code, "school-check");
        Assert.NotEqual(firstTask, secondTask);
        Assert.Equal("HOA", (await VariablesAsync(code))["registration"]!["electives"]![0]!.GetValue<string>());

        // A breach of the exam's rules (three electives) is refused and changes nothing.
        var wrong = changed.DeepClone().AsObject();
        wrong["electives"] = new JsonArray("HOA", "SINH", "NN");
        var refused = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = wrong });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Chọn đúng 2 môn tự chọn", await refused.Content.ReadAsStringAsync());
        Assert.Equal(secondTask, (await TaskAsync(code, "school-check")).Id);

        // After 28/04/2027 17:00 neither an edit nor a new registration is taken.
        Portal.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 28, 17, 0, 1, TimeSpan.FromHours(7)));
        api = await ApiSession.SignInAsync(Portal, "hs.minh@example.com");
        var late = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = changed });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var latecomer = await ApplicantAsync("hs.muon@example.com", "Phạm Văn Muộn", "001209000102");
        var closed = await PostRegistrationAsync(latecomer, Registration("Phạm Văn Muộn", "001209000102", "01-001"));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("17:00 28/04/2027", await closed.Content.ReadAsStringAsync());
        Assert.Equal(0, await WithDbAsync(db => db.Dossiers.CountAsync(d => d.UniqueKey == "2027-001209000102")));

        // The school may still return it for correction: the candidate corrects it although the window has closed.
        await CompleteAsync(PhanDinhPhung, code, "school-check", "return", comment: "Sai xã thường trú.");
        Assert.Equal(["correct"], await WaitingAtAsync(code));
        changed["residenceCommune"] = "Phường Ngọc Hà";
        var correction = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments", new { data = changed });
        Assert.True(correction.IsSuccessStatusCode, await correction.Content.ReadAsStringAsync());
        await DrainAsync();
        Assert.Equal(["school-check"], await WaitingAtAsync(code));
        Assert.Equal("Phường Ngọc Hà", (await VariablesAsync(code))["registration"]!["residenceCommune"]!.GetValue<string>());
    }
}

/// <summary>Verification by the school and by a council's site, inside the window (a portal of its own: the other class closes it).</summary>
public sealed class ExamVerificationTests(ExamPortalFactory portal) : ExamScenario(portal), IClassFixture<ExamPortalFactory>
{
    [Fact]
    public async Task The_school_returns_a_registration_for_correction_then_verifies_its_students_in_bulk()
    {
        var codes = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var cccd = $"00120900020{i}";
            var api = await ApplicantAsync($"hs.cva{i}@example.com", $"Nguyễn Văn Học {i}", cccd);
            codes.Add(await RegisterAsync(api, Registration($"Nguyễn Văn Học {i}", cccd, "01-002")));
        }

        // Another school's officer can neither see nor verify them.
        var other = await ApiSession.SignInOfficialAsync(Portal, PhanDinhPhung);
        var foreignIds = new[] { (await TaskAsync(codes[0], "school-check")).Id };
        var refused = (await (await other.PostAsJsonAsync("/api/v1/tasks/bulk-complete", new { taskIds = foreignIds, outcome = "verify" }))
            .Content.ReadFromJsonAsync<JsonArray>())!.Single()!;
        Assert.Equal("NotFound", refused["status"]!.GetValue<string>());
        Assert.Null(refused["dossierCode"]?.GetValue<string>()); // not even its dossier's code
        await DrainAsync();
        Assert.Equal(["school-check"], await WaitingAtAsync(codes[0]));

        // Returned with a reason: the candidate sees the reason and corrects the data, and the school checks it again.
        await CompleteAsync(ChuVanAn, codes[1], "school-check", "return", comment: "Trường lớp 10 chưa đúng.");
        var student = await ApiSession.SignInAsync(Portal, "hs.cva2@example.com");
        var detail = (await student.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{codes[1]}"))!.ToJsonString();
        Assert.Contains("Trường lớp 10 chưa đúng.", System.Text.RegularExpressions.Regex.Unescape(detail));
        var corrected = Registration("Nguyễn Văn Học 2", "001209000202", "01-002");
        corrected["school10"] = "01-001";
        corrected["photo"] = new JsonArray(await UploadAsync(student, TestFiles.Png(400, 600), "photo.png"));
        var amendment = await student.PostAsJsonAsync($"/api/v1/dossiers/{codes[1]}/amendments", new { data = corrected });
        Assert.True(amendment.IsSuccessStatusCode, await amendment.Content.ReadAsStringAsync());
        await DrainAsync();

        await VerifyInBulkAsync(ChuVanAn, [.. codes]);
        foreach (var code in codes)
            Assert.Equal(["locked-wait"], await WaitingAtAsync(code));
        Assert.Equal("01-001", (await VariablesAsync(codes[1]))["registration"]!["school10"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_free_candidate_pays_the_fee_then_the_councils_site_verifies()
    {
        var api = await ApplicantAsync("ts.tudo@example.com", "Trần Thị Tự Do", "001306000301");
        var data = Registration("Trần Thị Tự Do", "001306000301", "01-001");
        data["category"] = "b";
        var code = await RegisterAsync(api, data);
        Assert.Equal(["pay"], await WaitingAtAsync(code));

        await SandboxPay.PayAsync(await SignIn.ApplicantAsync(Portal, "ts.tudo@example.com"), code);
        await DrainAsync();
        Assert.Equal(100000L, await WithDbAsync(db => db.Payments.Where(p => p.DossierCode == code).Select(p => p.AmountVnd).SingleAsync()));
        var (_, unit) = await TaskAsync(code, "site-check");
        Assert.Equal("sgd-01", unit);
        await CompleteAsync(HanoiCouncil, code, "site-check", "verify");
        Assert.Equal(["locked-wait"], await WaitingAtAsync(code));

        // An edit inside the window goes back to the site's check without asking for the fee again.
        data["residenceCommune"] = "Phường Cửa Nam";
        data["photo"] = new JsonArray(await UploadAsync(api, TestFiles.Png(400, 600), "photo.png"));
        var edit = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data });
        Assert.True(edit.StatusCode == HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        Assert.Equal(["site-check"], await WaitingAtAsync(code));
        Assert.Equal(1, await WithDbAsync(db => db.Payments.CountAsync(p => p.DossierCode == code)));
    }
}
