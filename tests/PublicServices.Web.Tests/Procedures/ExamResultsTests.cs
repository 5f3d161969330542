using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Results;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>
/// After the window: the lists locked, candidate numbers per council, admission notices, scores imported (a bad file
/// first), results published at 08:00 on 16/07/2027 and not before, graduation computed by the rule, and a re-marking
/// that changes a score and replaces the certificate.
/// </summary>
public sealed class ExamResultsTests(ExamPortalFactory portal) : ExamScenario(portal), IClassFixture<ExamPortalFactory>
{
    private static readonly DateTimeOffset Publication = new(2027, 7, 16, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The worked examples: scores, record average and the expected graduation score and status.</summary>
    private sealed record Candidate(string Email, string Name, string Cccd, string School, string Council, string Area, string Group,
        string[] Electives, bool Exempt, Dictionary<string, double> Scores, double Record, double Expected, bool Passes)
    {
        public string Code { get; set; } = "";
        public string Number { get; set; } = "";
    }

    private static readonly Candidate[] Candidates =
    [
        // (7.5 + 6.25 + 8 + 5.5) / 4 × 0.5 + 7.1 × 0.5 + 0.5 (KV2-NT) = 7.45625 → 7.46 (half up)
        new("ts.an@example.com", "Nguyễn Thị An", "001309000401", "01-001", "01", "KV2-NT", "none", ["LI", "NN"], false,
            new() { ["TOAN"] = 7.5, ["VAN"] = 6.25, ["LI"] = 8, ["N1"] = 5.5 }, 7.1, 7.46, true),
        // 8.0 overall, but Mathematics 1.0 (a paper at 1 or less): not graduated
        new("ts.binh@example.com", "Trần Văn Bình", "001209000402", "01-002", "01", "KV3", "none", ["LI", "NN"], false,
            new() { ["TOAN"] = 1, ["VAN"] = 9, ["LI"] = 9, ["N1"] = 9 }, 9, 8.0, false),
        // (3 + 3.5 + 2.5 + 3.25) / 4 × 0.5 + 4 × 0.5 + 0.75 (KV1) + 1 (UT2) = 5.28125 → 5.28: the bonus carries it over 5
        new("ts.cuong@example.com", "Lò Văn Cường", "001209000403", "01-001", "01", "KV1", "UT2", ["HOA", "SINH"], false,
            new() { ["TOAN"] = 3, ["VAN"] = 3.5, ["HOA"] = 2.5, ["SINH"] = 3.25 }, 4, 5.28, true),
        // 4 × 0.5 + 5.9 × 0.5 = 4.95: under 5
        new("ts.dung@example.com", "Phạm Thị Dung", "079309000404", "02-001", "02", "KV3", "none", ["LI", "NN"], false,
            new() { ["TOAN"] = 4, ["VAN"] = 4, ["LI"] = 4, ["N1"] = 4 }, 5.9, 4.95, false),
        // English exempt (certificate) counts 10: (6 + 6 + 6 + 10) / 4 × 0.5 + 6 × 0.5 + 0.25 (KV2) = 6.75
        new("ts.em@example.com", "Võ Minh Em", "079209000405", "02-001", "02", "KV2", "none", ["SU", "NN"], true,
            new() { ["TOAN"] = 6, ["VAN"] = 6, ["SU"] = 6 }, 6, 6.75, true),
    ];

    [Fact]
    public async Task From_the_locked_lists_to_the_published_results_and_a_re_marking()
    {
        foreach (var candidate in Candidates)
            candidate.Code = await RegisterCandidateAsync(candidate);
        await VerifyInBulkAsync(PhanDinhPhung, Codes("01-001"));
        await VerifyInBulkAsync(ChuVanAn, Codes("01-002"));
        await VerifyInBulkAsync(LeHongPhong, Codes("02-001"));

        // Locked after the window: numbers per council, dense, starting with the council's code; rooms; admission notices.
        Portal.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        await LockAsync();
        foreach (var candidate in Candidates)
        {
            var variables = await VariablesAsync(candidate.Code);
            candidate.Number = variables["numbering"]!["value"]!.GetValue<string>();
            Assert.Equal(1, variables["exam"]!["room"]!.GetValue<double>());
        }
        Assert.Equal(["01000001", "01000002", "01000003"], Candidates.Where(c => c.Council == "01").Select(c => c.Number).Order());
        Assert.Equal(["02000001", "02000002"], Candidates.Where(c => c.Council == "02").Select(c => c.Number).Order());

        var first = Candidates[0];
        var api = await ApiSession.SignInAsync(Portal, first.Email);
        var notice = Poppler.PdfToText(await DocumentAsync(api, first.Code, "Giấy báo dự thi"));
        foreach (var text in new[] { "GIẤY BÁO DỰ THI", $"SỐ BÁO DANH: {first.Number}", "Nguyễn Thị An", "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI",
                     "1 Toán Bắt buộc", "2 Ngữ văn Bắt buộc", "3 Vật lí Tự chọn", "4 Tiếng Anh Tự chọn", "Phòng 1" })
            Assert.Contains(text, Normalise(notice));
        Assert.Contains("GBDT", await WithDbAsync(db => db.IssuedDocuments.Where(d => d.DossierCode == first.Code).Select(d => d.Number).SingleAsync()));
        var exempt = Poppler.PdfToText(await DocumentAsync(await ApiSession.SignInAsync(Portal, Candidates[4].Email), Candidates[4].Code, "Giấy báo dự thi"));
        Assert.Contains("4 Tiếng Anh Miễn thi", Normalise(exempt));

        // Scores: a file with one bad row is refused as a whole, with its line; nothing is written.
        using var scope = Portal.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ScoreImport>();
        var bad = await WriteScoresAsync(Candidates, badRow: $"{first.Number},TOAN,11");
        var refused = await import.RunAsync(new ScoreImportOptions(2027, bad), null, CancellationToken.None);
        Assert.Equal(ScoreImportOutcome.Invalid, refused.Outcome);
        Assert.Single(refused.Problems, p => p.Line == 2);
        Assert.Equal(0, await WithDbAsync(db => db.DatasetRecords.CountAsync()));
        var good = await WriteScoresAsync(Candidates);
        Assert.Equal(ScoreImportOutcome.Imported, (await import.RunAsync(new ScoreImportOptions(2027, good), null, CancellationToken.None)).Outcome);
        Assert.Equal(Candidates.Length, await WithDbAsync(db => db.DatasetRecords.CountAsync(r => r.Dataset == "exam-2027")));

        // Publication at 08:00 on 16/07/2027: one second before, nothing moves and the look-up says "not yet".
        await scope.ServiceProvider.GetRequiredService<ResultPublication>().ScheduleAsync(2027, Publication, CancellationToken.None);
        Portal.Clock.SetUtcNow(Publication.AddSeconds(-1));
        Assert.Equal(0, await PublishAsync());
        Assert.Equal(["results-wait"], await WaitingAtAsync(first.Code));
        var anonymous = Portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/results/2027/{first.Number}")).StatusCode);

        Portal.Clock.SetUtcNow(Publication);
        Assert.True(await PublishAsync() > 0);
        await DrainAsync();
        var lookup = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/results/2027/{first.Number}");
        Assert.Contains("7.5", lookup!.ToJsonString());
        foreach (var candidate in Candidates)
        {
            var grading = (await VariablesAsync(candidate.Code))["grading"]!;
            Assert.Equal(candidate.Expected, grading["score"]!.GetValue<double>(), 6);
            Assert.Equal(candidate.Passes, grading["passed"]!.GetValue<bool>());
            Assert.Equal(candidate.Passes ? "Đủ điều kiện công nhận tốt nghiệp THPT" : "Không đủ điều kiện công nhận tốt nghiệp THPT",
                grading["status"]!.GetValue<string>());
        }

        api = await ApiSession.SignInAsync(Portal, first.Email);
        var certificate = Normalise(Poppler.PdfToText(await DocumentAsync(api, first.Code, "Giấy chứng nhận kết quả thi tốt nghiệp THPT")));
        foreach (var text in new[] { "GIẤY CHỨNG NHẬN KẾT QUẢ THI", $"Số báo danh: {first.Number}", "1 Toán 7,5", "2 Ngữ văn 6,25",
                     "3 Vật lí 8", "4 Tiếng Anh 5,5", "Điểm xét tốt nghiệp: 7,46", "Kết quả: Đủ điều kiện công nhận tốt nghiệp THPT" })
            Assert.Contains(text, certificate);
        var firstCertificate = await WithDbAsync(db => db.IssuedDocuments.Where(d => d.DossierCode == first.Code && d.Number.EndsWith("GCNKQ"))
            .Select(d => d.VerificationCode).SingleAsync());

        // Re-marking of Literature, from the result: 30,000 VND paid; the council records 6.75 (moved by 0.5) and a new certificate replaces the first.
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = "exam-remarking", declaration = true, from = first.Code,
            data = new JsonObject
            {
                ["candidateNumber"] = first.Number, ["fullName"] = first.Name, ["papers"] = new JsonArray("VAN"),
                ["phone"] = "0912345678", ["email"] = first.Email,
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var remark = (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        await DrainAsync();
        await SandboxPay.PayAsync(await SignIn.ApplicantAsync(Portal, first.Email), remark);
        await DrainAsync();
        Assert.Equal(30000L, await WithDbAsync(db => db.Payments.Where(p => p.DossierCode == remark).Select(p => p.AmountVnd).SingleAsync()));
        // The council's official sees the candidate number at the top of the task page (the procedure's `highlights:`).
        var taskPage = await HtmlPage.GetAsync(await SignIn.OfficialAsync(Portal, HanoiCouncil), $"/work/tasks/{(await TaskAsync(remark, "remark")).Id}");
        Assert.Equal(["Số báo danh", first.Number],
            taskPage.Document.QuerySelectorAll("[data-testid=highlights] dt, [data-testid=highlights] dd").Select(e => e.TextContent.Trim()).ToArray());
        await CompleteAsync(HanoiCouncil, remark, "remark", "record", fields: new JsonObject { ["VAN"] = 6.75 });

        var remarked = Normalise(Poppler.PdfToText(await DocumentAsync(await ApiSession.SignInAsync(Portal, first.Email), remark, "Giấy chứng nhận kết quả thi tốt nghiệp THPT")));
        // (7.5 + 6.75 + 8 + 5.5) / 4 × 0.5 + 7.1 × 0.5 + 0.5 = 7.51875 → 7.52
        foreach (var text in new[] { "2 Ngữ văn 6,75", "Phúc khảo", "Hội đồng thi: Sở GD&ĐT Hà Nội", "Đối tượng ưu tiên: Không thuộc đối tượng ưu tiên",
                     "Điểm xét tốt nghiệp: 7,52", "Cấp lại sau phúc khảo, thay thế giấy chứng nhận số" })
            Assert.Contains(text, remarked);
        var old = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/verify/{firstCertificate}");
        Assert.Equal("revoked", old!["status"]!.GetValue<string>().ToLowerInvariant());

        // The public look-up (cached since the publication) follows the re-marking: Literature 6.75 instead of 6.25, the
        // graduation score computed again (7.52) and "Re-marked"; the other papers as published.
        var after = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/results/2027/{first.Number}");
        var literature = Score(after!, "VAN");
        Assert.Equal(6.75m, literature["score"]!.GetValue<decimal>());
        Assert.True(literature["remarked"]!.GetValue<bool>());
        Assert.Equal(6.25m, literature["scoreBefore"]!.GetValue<decimal>());
        Assert.Equal(7.5m, Score(after!, "TOAN")["score"]!.GetValue<decimal>());
        Assert.False(Score(after!, "TOAN")["remarked"]!.GetValue<bool>());
        Assert.True(after!["remarked"]!.GetValue<bool>());
        Assert.Equal(7.52m, after["remarking"]!["graduationScore"]!.GetValue<decimal>());
        Assert.True(after["remarking"]!["graduated"]!.GetValue<bool>());
        Assert.Equal("Đã phúc khảo", after["remarking"]!["noteVi"]!.GetValue<string>());
        Assert.Equal("Re-marked", after["remarking"]!["noteEn"]!.GetValue<string>());
        Assert.Equal(7.1m, after["record"]!.GetValue<decimal>());
        var page = await HtmlPage.GetAsync(anonymous, $"/results?exam=2027&number={first.Number}");
        Assert.Contains("Đã phúc khảo", page.Document.QuerySelector("[data-testid=results-remarked]")!.TextContent);
        var literatureRow = page.Document.QuerySelector("tr[data-subject=VAN]")!;
        Assert.Equal("true", literatureRow.GetAttribute("data-remarked"));
        Assert.Contains("6,75", literatureRow.TextContent);
        Assert.Contains("trước phúc khảo: 6,25", literatureRow.TextContent);
        Assert.Equal("false", page.Document.QuerySelector("tr[data-subject=TOAN]")!.GetAttribute("data-remarked"));
        Assert.Contains("7,52", page.Document.QuerySelector("[data-testid=results-graduation]")!.TextContent);
        Assert.Contains("Đủ điều kiện công nhận tốt nghiệp THPT", page.Document.QuerySelector("[data-testid=results-graduation]")!.TextContent);
        var english = await HtmlPage.GetAsync(anonymous, $"/results?exam=2027&number={first.Number}&culture=en");
        Assert.Contains("Re-marked", english.Document.QuerySelector("[data-testid=results-remarked]")!.TextContent);
        Assert.Contains("6.75", english.Document.QuerySelector("tr[data-subject=VAN]")!.TextContent);

        // A re-marking that moves a score by less than 0.25 (Physics 9 → 9.2) changes nothing on the look-up.
        var second = Candidates[1];
        var before = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/results/2027/{second.Number}");
        var record = await WithDbAsync(db => db.DatasetRecords.Where(r => r.Dataset == "exam-2027" && r.Key == second.Number).Select(r => r.DataJson).SingleAsync());
        var secondApi = await ApiSession.SignInAsync(Portal, second.Email);
        response = await secondApi.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = "exam-remarking", declaration = true, from = second.Code,
            data = new JsonObject
            {
                ["candidateNumber"] = second.Number, ["fullName"] = second.Name, ["papers"] = new JsonArray("LI"),
                ["phone"] = "0912345679", ["email"] = second.Email,
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var unchanged = (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        await DrainAsync();
        await SandboxPay.PayAsync(await SignIn.ApplicantAsync(Portal, second.Email), unchanged);
        await DrainAsync();
        await CompleteAsync(HanoiCouncil, unchanged, "remark", "record", fields: new JsonObject { ["LI"] = 9.2 });
        Assert.Equal("unchanged", await WithDbAsync(db => db.Instances.Where(i => db.Dossiers.Any(d => d.Code == unchanged && d.InstanceId == i.Id))
            .Select(i => i.Result).SingleAsync()));
        var stillPublished = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/results/2027/{second.Number}");
        Assert.True(JsonNode.DeepEquals(before, stillPublished!));
        Assert.Equal(9m, Score(stillPublished!, "LI")["score"]!.GetValue<decimal>());
        Assert.False(stillPublished!["remarked"]!.GetValue<bool>());
        Assert.Null(stillPublished["remarking"]);
        var secondPage = await HtmlPage.GetAsync(anonymous, $"/results?exam=2027&number={second.Number}");
        Assert.Null(secondPage.Document.QuerySelector("[data-testid=results-remarked]"));
        Assert.Null(secondPage.Document.QuerySelector("[data-testid=results-graduation]"));
        Assert.Equal(record, await WithDbAsync(db => db.DatasetRecords.Where(r => r.Dataset == "exam-2027" && r.Key == second.Number).Select(r => r.DataJson).SingleAsync()));

        // The council then imports a corrected file (first's Mathematics 7.5 → 8, second's Physics 9 → 9.5): the look-up,
        // cached on this node, shows the corrections within the poll interval, and first's re-marked Literature stays.
        first.Scores["TOAN"] = 8;
        second.Scores["LI"] = 9.5;
        var corrected = await import.RunAsync(new ScoreImportOptions(2027, await WriteScoresAsync(Candidates)), null, CancellationToken.None);
        Assert.Equal(ScoreImportOutcome.Imported, corrected.Outcome);
        Portal.Clock.Advance(ExamResults.ChangesPollInterval + TimeSpan.FromSeconds(1));
        var correctedFirst = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/results/2027/{first.Number}");
        Assert.Equal(8m, Score(correctedFirst!, "TOAN")["score"]!.GetValue<decimal>());
        Assert.Equal((6.75m, 6.25m, true), (Score(correctedFirst!, "VAN")["score"]!.GetValue<decimal>(), Score(correctedFirst!, "VAN")["scoreBefore"]!.GetValue<decimal>(),
            correctedFirst!["remarked"]!.GetValue<bool>()));
        Assert.Equal(9.5m, Score((await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/results/2027/{second.Number}"))!, "LI")["score"]!.GetValue<decimal>());
    }

    private static JsonObject Score(JsonObject result, string code) =>
        result["scores"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == code)!.AsObject();

    private async Task<string> RegisterCandidateAsync(Candidate candidate)
    {
        var api = await ApplicantAsync(candidate.Email, candidate.Name, candidate.Cccd);
        var data = Registration(candidate.Name, candidate.Cccd, candidate.School, candidate.Council);
        data["priorityArea"] = candidate.Area;
        data["priorityGroup"] = candidate.Group;
        data["electives"] = new JsonArray(candidate.Electives.Select(e => (JsonNode)e).ToArray());
        if (!candidate.Electives.Contains("NN"))
            data.Remove("foreignLanguage");
        if (candidate.Exempt)
        {
            data["languageExempt"] = true;
            data["exemptionCertificate"] = "IELTS";
            data["exemptionScore"] = "6.5";
            data["exemptionDate"] = "2026-10-10";
            data["exemptionFile"] = new JsonArray(await UploadAsync(api, TestFiles.Png(800, 600), "ielts.png"));
        }
        return await RegisterAsync(api, data);
    }

    private string[] Codes(string school) => Candidates.Where(c => c.School == school).Select(c => c.Code).ToArray();

    private async Task<int> PublishAsync()
    {
        using var scope = Portal.Services.CreateScope();
        return await scope.ServiceProvider.GetServices<IBackgroundWork>().OfType<ScheduledBroadcastWork>().Single().RunOnceAsync("test", CancellationToken.None);
    }

    private async Task<string> WriteScoresAsync(IEnumerable<Candidate> candidates, string? badRow = null)
    {
        var lines = new List<string> { "candidate_number,subject,score" };
        if (badRow is not null)
            lines.Add(badRow);
        foreach (var candidate in candidates)
        {
            lines.AddRange(candidate.Scores.Select(s => $"{candidate.Number},{s.Key},{s.Value.ToString(CultureInfo.InvariantCulture)}"));
            lines.Add($"{candidate.Number},DTB,{candidate.Record.ToString(CultureInfo.InvariantCulture)}");
        }
        var path = Path.Combine(Portal.DataPath, $"scores-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
