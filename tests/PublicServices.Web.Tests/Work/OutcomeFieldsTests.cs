using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Work;

/// <summary>
/// Fields an official fills with a task outcome (the clerk's diploma and register numbers when accepting), over HTTP:
/// the task page without JavaScript, the API, and bulk work, which must never choose such an outcome without them.
/// </summary>
public sealed class OutcomeFieldsTests : IClassFixture<OutcomeFieldsPortal>
{
    private const string Officer = "so.hanoi@demo.gov.vn";
    private const string Leader = "lanhdao.so@demo.gov.vn";
    private readonly OutcomeFieldsPortal portal;

    public OutcomeFieldsTests(OutcomeFieldsPortal portal) => this.portal = portal;

    private async Task<(bool Open, string? ClaimedBy, int Completed, int Audited)> TaskStateAsync(Guid task, string code)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == task);
        var instance = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        return (record is not null, record?.ClaimedBy,
            await db.Journal.CountAsync(j => j.InstanceId == instance && j.StepId == "review" && j.Event == "completed"),
            await db.Audit.CountAsync(a => a.Target == code && a.Action == "task.complete"));
    }

    private static async Task<HttpResponseMessage> PostDecisionAsync(HttpClient client, HtmlPage page, Guid task, params (string Name, string Value)[] values)
    {
        var token = page.Document.QuerySelector($"form[action='/work/tasks/{task}/complete'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = values.Select(v => KeyValuePair.Create(v.Name, v.Value)).Prepend(KeyValuePair.Create("__RequestVerificationToken", token));
        return await client.PostAsync($"/work/tasks/{task}/complete", new FormUrlEncodedContent(fields));
    }

    private static string? Value(HtmlPage page, string id) => page.Document.GetElementById(id) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    [Fact]
    public async Task Should_ask_for_the_fields_on_the_task_page_keep_what_was_typed_when_refused_and_show_them_to_the_next_official()
    {
        var (code, task) = await portal.SubmitAsync("nguyen.an@example.com", "Nguyễn Thị Hồng Nhung");
        var official = await SignIn.OfficialAsync(portal, Officer);

        var page = await HtmlPage.GetAsync(official, $"/work/tasks/{task}");

        var accept = page.Document.QuerySelector("[data-testid=outcome-fields-accept]")!;
        Assert.Contains("Thông tin ghi kèm khi chọn “Tiếp nhận”", accept.QuerySelector("legend")!.TextContent);
        Assert.Equal("Số hiệu văn bằng", page.Document.QuerySelector("label[for=f-accept-diplomaNumber]")!.TextContent.Trim());
        Assert.Equal("Ghi đúng như trên văn bằng", page.Document.GetElementById("f-accept-diplomaNumber-hint")!.TextContent.Trim());
        Assert.Equal("Ngày cấp (không bắt buộc)", page.Document.QuerySelector("label[for=f-accept-issuedOn]")!.TextContent.Trim());
        Assert.Equal("f.accept.diplomaNumber", page.Document.GetElementById("f-accept-diplomaNumber")!.GetAttribute("name"));
        Assert.Equal("date", page.Document.GetElementById("f-accept-issuedOn")!.GetAttribute("type"));
        Assert.Equal("number", page.Document.GetElementById("f-accept-copies")!.GetAttribute("type"));
        Assert.Equal(["— Chọn —", "Khá", "Giỏi"], page.Document.QuerySelectorAll("#f-accept-ranking option").Select(o => o.TextContent));
        Assert.Contains("Thành phố Hà Nội", page.Document.QuerySelectorAll("#f-accept-province option").Select(o => o.TextContent));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=outcome-fields-note] textarea#f-note-remark"));
        Assert.Null(page.Document.QuerySelector("[data-testid=outcome-fields-refuse]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=decisions]"));

        var refused = await HtmlPage.ParseAsync(await PostDecisionAsync(official, page, task,
            ("outcome", "accept"), ("comment", "Đã đối chiếu sổ gốc."), ("f.accept.diplomaNumber", "B0123456789XY"), ("f.accept.registerNumber", " "),
            ("f.accept.issuedOn", "2025-06-15"), ("f.accept.copies", "3"), ("f.accept.ranking", "good"), ("f.note.remark", "không gửi")));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Tối đa 12 ký tự (đang có 13).", refused.FieldError("f-accept-diplomaNumber"));
        Assert.Equal("Vui lòng nhập số vào sổ gốc.", refused.FieldError("f-accept-registerNumber"));
        Assert.Null(refused.FieldError("f-accept-issuedOn"));
        Assert.Null(refused.FieldError("comment"));
        Assert.Equal(["#f-accept-diplomaNumber", "#f-accept-registerNumber"],
            refused.Document.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("B0123456789XY", Value(refused, "f-accept-diplomaNumber"));
        Assert.Equal("2025-06-15", Value(refused, "f-accept-issuedOn"));
        Assert.Equal("3", Value(refused, "f-accept-copies"));
        Assert.Equal("good", Value(refused, "f-accept-ranking"));
        Assert.Equal("Đã đối chiếu sổ gốc.", Value(refused, "comment"));
        Assert.True(((IHtmlInputElement)refused.Document.GetElementById("outcome-accept")!).IsChecked);
        Assert.Equal((true, null, 0, 0), await TaskStateAsync(task, code)); // still open, not even claimed, nothing journaled or audited
        Assert.Null((await portal.VariablesAsync(code))["review"]);

        var done = await PostDecisionAsync(official, refused, task,
            ("outcome", "accept"), ("f.accept.diplomaNumber", " B0123456 "), ("f.accept.registerNumber", "SG-2025/17"), ("f.accept.issuedOn", "2025-06-15"),
            ("f.accept.copies", "3"), ("f.accept.ranking", "good"), ("f.accept.province", "001"), ("f.note.remark", "không gửi"));

        Assert.Equal("/work", done.Headers.Location?.ToString());
        var decision = (await portal.VariablesAsync(code))["review"]!;
        Assert.Equal("accept", decision["outcome"]!.GetValue<string>());
        Assert.Equal("""{"diplomaNumber":"B0123456","registerNumber":"SG-2025/17","issuedOn":"2025-06-15","copies":3,"ranking":"good","province":"001"}""",
            decision["fields"]!.ToJsonString());
        var (open, _, completed, audited) = await TaskStateAsync(task, code);
        Assert.Equal((false, 1, 1), (open, completed, audited));

        var leader = await SignIn.OfficialAsync(portal, Leader);
        Guid sign;
        using (var scope = portal.Services.CreateScope())
            sign = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.Where(t => t.DossierCode == code).Select(t => t.Id).SingleAsync();
        var later = await HtmlPage.GetAsync(leader, $"/work/tasks/{sign}");
        var recorded = later.Document.QuerySelector("[data-testid=decisions]")!;
        Assert.Contains("Đối chiếu sổ gốc — Tiếp nhận", recorded.QuerySelector("h3")!.TextContent);
        string Shown(string field) => recorded.QuerySelector($"[data-decision-field={field}]")!.TextContent.Trim();
        Assert.Equal(("B0123456", "SG-2025/17", "15/06/2025", "3", "Khá", "Thành phố Hà Nội"),
            (Shown("diplomaNumber"), Shown("registerNumber"), Shown("issuedOn"), Shown("copies"), Shown("ranking"), Shown("province")));
    }

    [Fact]
    public async Task Should_read_checkboxes_and_multiple_choices_from_the_page()
    {
        var (code, task) = await portal.SubmitAsync("tran.binh@example.com", "Trần Văn Bình");
        var official = await SignIn.OfficialAsync(portal, Officer);
        var page = await HtmlPage.GetAsync(official, $"/work/tasks/{task}");
        Assert.Equal("hidden", page.Document.QuerySelector("input[name='f.note.urgent']")!.GetAttribute("type")); // unticked still posts false
        Assert.Equal(3, page.Document.QuerySelectorAll("#f-note-checked input[type=checkbox][name='f.note.checked']").Length);

        var done = await PostDecisionAsync(official, page, task, ("outcome", "note"), ("f.note.remark", "Chờ bản gốc"),
            ("f.note.urgent", "false"), ("f.note.urgent", "true"), ("f.note.checked", "register"), ("f.note.checked", "school"),
            ("f.accept.diplomaNumber", "ignored: another outcome"));

        Assert.Equal("/work", done.Headers.Location?.ToString());
        var fields = (await portal.VariablesAsync(code))["review"]!["fields"]!;
        Assert.Equal(("Chờ bản gốc", true), (fields["remark"]!.GetValue<string>(), fields["urgent"]!.GetValue<bool>()));
        Assert.Equal(["register", "school"], fields["checked"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(3, fields.AsObject().Count);
    }

    [Fact]
    public async Task Should_take_the_fields_as_a_json_object_over_the_api_and_answer_each_bad_value()
    {
        var (code, task) = await portal.SubmitAsync("tran.binh@example.com", "Trần Văn Bình");
        var api = await ApiSession.SignInOfficialAsync(portal, Officer);
        var url = $"/api/v1/tasks/{task}/complete";

        var missing = await api.PostAsJsonAsync(url, new { outcome = "accept" });
        var bad = await api.PostAsJsonAsync(url, new
        {
            outcome = "accept",
            fields = new { diplomaNumber = "B1", registerNumber = "17", issuedOn = "31/02/2025", copies = 11, ranking = "average", colour = "blue" },
        });
        var notAnObject = await api.PostAsJsonAsync(url, new { outcome = "accept", fields = "B1" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["fields.diplomaNumber", "fields.registerNumber"], missingErrors.Select(e => e.Key));
        Assert.Equal("Vui lòng nhập số hiệu văn bằng.", missingErrors["fields.diplomaNumber"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["fields.issuedOn", "fields.copies", "fields.ranking", "fields.colour"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("Giá trị lớn nhất là 10.", problem["errors"]!["fields.copies"]![0]!.GetValue<string>());
        Assert.Contains("The fields of 'Accept' are not valid", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.Equal((true, null, 0, 0), await TaskStateAsync(task, code));

        var english = await api.PostAsJsonAsync(url + "?culture=en", new { outcome = "accept", fields = new { registerNumber = "17" } });
        var englishErrors = (await english.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.Equal("Enter diploma number.", englishErrors["fields.diplomaNumber"]![0]!.GetValue<string>());

        var done = await api.PostAsJsonAsync(url, new
        {
            outcome = "accept", comment = "Khớp sổ gốc",
            fields = new { diplomaNumber = "B0123456", registerNumber = "17", issuedOn = "2025-06-15", copies = 2, ranking = "excellent", province = "079" },
        });

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal("""{"diplomaNumber":"B0123456","registerNumber":"17","issuedOn":"2025-06-15","copies":2,"ranking":"excellent","province":"079"}""",
            (await portal.VariablesAsync(code))["review"]!["fields"]!.ToJsonString());
        Assert.Equal("Khớp sổ gốc", (await portal.VariablesAsync(code))["review"]!["reason"]!.GetValue<string>());

        var body = (await api.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["components"]!["schemas"]!["CompleteBody"]!;
        Assert.Equal(["outcome"], body["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("object", body["properties"]!["fields"]!["oneOf"]![0]!["type"]!.GetValue<string>());
        Assert.Contains("fields.<fieldId>", body["properties"]!["fields"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_still_read_a_supplement_request_s_field_list_given_as_fields_or_as_supplementFields()
    {
        var codes = await TestDossiers.SubmitPaidAsync(portal, "nguyen.an@example.com", 2);
        var api = await ApiSession.SignInOfficialAsync(portal, Officer);
        var applicant = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        Guid[] tasks;
        using (var scope = portal.Services.CreateScope())
            tasks = await Task.WhenAll(codes.Select(async c =>
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.Where(t => t.DossierCode == c).Select(t => t.Id).SingleAsync()));

        var older = await api.PostAsJsonAsync($"/api/v1/tasks/{tasks[0]}/complete", new { outcome = "supplement", comment = "Sai năm tốt nghiệp", fields = new[] { "graduationYear" } });
        var newer = await api.PostAsJsonAsync($"/api/v1/tasks/{tasks[1]}/complete", new { outcome = "supplement", comment = "Sai tỉnh", supplementFields = new[] { "province" } });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (older.StatusCode, newer.StatusCode));
        Assert.Equal("graduationYear", (await applicant.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{codes[0]}"))!["next"]!["fields"]![0]!.GetValue<string>());
        Assert.Equal("province", (await applicant.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{codes[1]}"))!["next"]!["fields"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_never_apply_an_outcome_with_required_fields_in_bulk()
    {
        var first = await portal.SubmitAsync("nguyen.an@example.com", "Lò Thị Hàng Loạt");
        var second = await portal.SubmitAsync("nguyen.an@example.com", "Lò Văn Hàng Loạt");
        var api = await ApiSession.SignInOfficialAsync(portal, Officer);
        var browser = await SignIn.OfficialAsync(portal, Officer);

        var queue = await HtmlPage.GetAsync(browser, "/work?q=hang loat");
        var response = await api.PostAsJsonAsync("/api/v1/tasks/bulk-complete", new { taskIds = new[] { first.Task, second.Task }, outcome = "accept" });
        var results = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        var offered = queue.Document.QuerySelectorAll("#bulk-form select#outcome option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain("accept", offered);
        Assert.Contains("note", offered); // its only field is optional
        Assert.Contains("refuse", offered);
        Assert.NotNull(queue.Document.QuerySelector("[data-testid=bulk-fields-excluded]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(results, r =>
        {
            Assert.Equal("Invalid", r!["status"]!.GetValue<string>());
            Assert.Contains("'Accept' needs Diploma number, Register number for each dossier; it cannot be chosen without them (nor in bulk)", r["message"]!.GetValue<string>());
        });
        Assert.Equal((true, null, 0, 0), await TaskStateAsync(first.Task, first.Code));
        Assert.Equal((true, null, 0, 0), await TaskStateAsync(second.Task, second.Code));

        var refused = await api.PostAsJsonAsync("/api/v1/tasks/bulk-complete", new { taskIds = new[] { first.Task, second.Task }, outcome = "refuse", comment = "Không có trong sổ gốc" });
        Assert.All((await refused.Content.ReadFromJsonAsync<JsonArray>())!, r => Assert.Equal("Done", r!["status"]!.GetValue<string>()));
    }
}
