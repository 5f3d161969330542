using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dossiers;

public sealed class DossierApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public DossierApiTests(PortalFactory portal) => this.portal = portal;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await client.PostAsync("/api/v1/attachments", form);
    }

    private static async Task<string> UploadIdAsync(HttpClient client)
    {
        var response = await UploadAsync(client, TestFiles.Png(800, 600), "cccd.png");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static JsonObject Application(string attachmentId) => new()
    {
        ["fullName"] = "Nguyễn Thị Hồng Nhung", ["dateOfBirth"] = "2007-03-15", ["cccd"] = "001307012345", ["phone"] = "0912345678",
        ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = 2025, ["copies"] = 2, ["delivery"] = "pickup",
        ["idCard"] = new JsonArray(attachmentId),
    };

    private async Task<int> DossierCountAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync();
    }

    [Fact]
    public async Task Should_submit_a_complete_application_and_show_it_with_its_timeline()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var attachment = await UploadIdAsync(client);

        var submitted = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(attachment) });
        var receipt = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = receipt["code"]!.GetValue<string>();
        var mine = await client.GetFromJsonAsync<JsonArray>("/api/v1/dossiers");
        var detail = await client.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}");

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Matches(@"^SGD-01-\d{6}-\d{4}$", code);
        Assert.NotNull(receipt["dueDate"]?.GetValue<string>());
        Assert.Contains(mine!, d => d!["code"]!.GetValue<string>() == code);
        Assert.Equal("Waiting", detail!["status"]!.GetValue<string>());
        Assert.Equal("pay", detail["openSteps"]![0]!["stepId"]!.GetValue<string>());
        Assert.Contains(detail["timeline"]!.AsArray(), e => e!["stepId"]!.GetValue<string>() == "apply" && e["outcome"]!.GetValue<string>() == "submitted");
    }

    [Fact]
    public async Task Should_answer_each_invalid_field_and_create_nothing()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var before = await DossierCountAsync();
        var data = Application(await UploadIdAsync(client));
        data["phone"] = "12345";
        data["copies"] = 11;
        data.Remove("fullName");

        var response = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data });
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["copies", "fullName", "phone"], problem.Select(p => p.Key).Order());
        Assert.Contains("0912345678", problem["phone"]![0]!.GetValue<string>());
        Assert.Equal(before, await DossierCountAsync());
    }

    [Fact]
    public async Task Should_refuse_a_cross_field_rule_with_its_message_and_create_nothing()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var before = await DossierCountAsync();
        var data = Application(await UploadIdAsync(client));
        data["graduationYear"] = 2015; // born in 2007

        var response = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data });
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["graduationYear"], errors.Select(e => e.Key));
        Assert.Equal("Năm tốt nghiệp phải sau năm sinh ít nhất 15 năm; vui lòng kiểm tra lại.", errors["graduationYear"]![0]!.GetValue<string>());
        Assert.Equal(before, await DossierCountAsync());
    }

    [Fact]
    public async Task Should_require_the_declaration_and_record_which_text_was_accepted()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var before = await DossierCountAsync();

        var undeclared = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", data = Application(await UploadIdAsync(client)) });
        var unchanged = await DossierCountAsync();
        var declared = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(await UploadIdAsync(client)) });
        var code = (await declared.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, undeclared.StatusCode);
        Assert.Equal(["declaration"], (await undeclared.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, unchanged);
        using var scope = portal.Services.CreateScope();
        var dossier = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.SingleAsync(d => d.Code == code);
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(PublicServices.Tests.RepoPaths.Root, "src/PublicServices.Web/Resources/Localization/SharedResource.resx"));
        var resxEn = System.Xml.Linq.XDocument.Load(Path.Combine(PublicServices.Tests.RepoPaths.Root, "src/PublicServices.Web/Resources/Localization/SharedResource.en.resx"));
        string Text(System.Xml.Linq.XDocument doc) => doc.Root!.Elements("data").Single(e => e.Attribute("name")!.Value == "Applications.Declaration").Element("value")!.Value;
        Assert.Equal(PublicServices.Platform.Dossiers.Declaration.Of(Text(resx), Text(resxEn)).Version, dossier.DeclarationVersion);
        Assert.Equal(dossier.SubmittedAt, dossier.DeclaredAt);
    }

    [Fact]
    public async Task Should_make_one_dossier_from_a_doubled_submission()
    {
        var client = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var data = Application(await UploadIdAsync(client));
        data["cccd"] = "079095000123";
        data["dateOfBirth"] = "1995-08-02";
        var before = await DossierCountAsync();

        async Task<HttpResponseMessage> Submit()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(new { procedureId = "diploma-copy", declaration = true, data }) };
            request.Headers.Add("Idempotency-Key", "draft-42");
            return await client.SendAsync(request);
        }
        var first = await Submit();
        var second = await Submit();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>(),
            (await second.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(before + 1, await DossierCountAsync());
    }

    /// <summary>Concurrent submissions are written in groups (SubmissionWriter): each doubled key still makes one
    /// dossier, none is lost, and the codes stay distinct and dense (consecutive numbers of the day's series).</summary>
    [Fact]
    public async Task Should_keep_every_concurrent_submission_once_with_dense_codes()
    {
        var client = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var attachments = new List<string>();
        for (var i = 0; i < 10; i++)
            attachments.Add(await UploadIdAsync(client));
        var before = await DossierCountAsync();

        async Task<(int Key, HttpStatusCode Status, string Code)> Submit(int key)
        {
            var data = Application(attachments[key]);
            data["cccd"] = "079095000123";
            data["dateOfBirth"] = "1995-08-02";
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(new { procedureId = "diploma-copy", declaration = true, data }) };
            request.Headers.Add("Idempotency-Key", $"burst-{key}");
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            return (key, response.StatusCode, body?["code"]?.GetValue<string>() ?? "");
        }
        // Every key three times, all at once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => Submit(i % 10))));

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.All(answers.GroupBy(a => a.Key), key =>
        {
            Assert.Single(key.Select(a => a.Code).Distinct());
            Assert.Single(key, a => a.Status == HttpStatusCode.Created);
        });
        Assert.Equal(before + 10, await DossierCountAsync());
        var numbers = answers.Select(a => a.Code).Distinct().Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..])).Order().ToList();
        Assert.Equal(10, numbers.Count);
        Assert.Equal(Enumerable.Range(numbers[0], 10), numbers);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var codes = answers.Select(a => a.Code).Distinct().ToList();
        Assert.Equal(10, await db.Attachments.CountAsync(a => codes.Contains(a.DossierCode!)));
    }

    /// <summary>A large group is staged in parallel parts, each in its own context, and written in one transaction: every
    /// dossier's instance must hold its own code and wait at its first step.</summary>
    [Fact]
    public async Task Should_write_a_large_group_staged_in_parts_with_each_instance_holding_its_own_code()
    {
        var client = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var attachments = new List<string>();
        for (var i = 0; i < 40; i++)
            attachments.Add(await UploadIdAsync(client));
        var writer = portal.Services.GetRequiredService<SubmissionWriter>();
        HttpResponseMessage[] responses;
        // Holding the writer's turn lets the applications pile up, so that (after a first, small group) one group takes
        // at least 30 of them: more than two parts' worth.
        using (var turn = await portal.Services.GetRequiredService<WriterTurns>().TakeAsync())
        {
            var sending = attachments.Select((file, i) => Task.Run(() =>
            {
                var data = Application(file);
                data["cccd"] = $"0790950{i:D5}";
                data["dateOfBirth"] = "1995-08-02";
                return client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data });
            })).ToList();
            Assert.True(SpinWait.SpinUntil(() => writer.Waiting >= 30, TimeSpan.FromSeconds(30)), $"{writer.Waiting} waiting");
            turn.Dispose();
            responses = await Task.WhenAll(sending);
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = new List<string>();
        foreach (var response in responses)
            codes.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        var numbers = codes.Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..])).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 40), numbers);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => codes.Contains(d.Code)).ToListAsync();
        var instanceIds = dossiers.Select(d => d.InstanceId).ToList();
        var instances = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        Assert.Equal(40, dossiers.Count);
        Assert.All(dossiers, d => Assert.Contains($"\"code\":\"{d.Code}\"", instances[d.InstanceId].StateJson));
        var waiting = await db.Bookmarks.AsNoTracking().Where(b => instanceIds.Contains(b.InstanceId)).Select(b => b.InstanceId).Distinct().CountAsync();
        Assert.Equal(40, waiting);
        Assert.Equal(40, await db.Attachments.CountAsync(a => codes.Contains(a.DossierCode!)));
    }

    [Fact]
    public async Task Should_hide_another_applicants_dossier_and_files()
    {
        var owner = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var other = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var attachment = await UploadIdAsync(owner);
        var created = await owner.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(await UploadIdAsync(owner)) });
        var code = (await created.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();

        var dossier = await other.GetAsync($"/api/v1/dossiers/{code}");
        var file = await other.GetAsync($"/api/v1/attachments/{attachment}");
        var ownFile = await owner.GetAsync($"/api/v1/attachments/{attachment}");
        var stolen = await other.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(attachment) });

        Assert.Equal(HttpStatusCode.NotFound, dossier.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownFile.StatusCode);
        Assert.Equal("attachment", ownFile.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", ownFile.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_file_another_dossier_holds_or_named_twice_and_create_nothing()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var used = await UploadIdAsync(client);
        var first = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(used) });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await DossierCountAsync();
        var fresh = await UploadIdAsync(client);
        var twice = Application(fresh);
        twice["idCard"] = new JsonArray(fresh, fresh);

        var reused = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(used) });
        var doubled = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = twice });
        var unknown = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(Guid.NewGuid().ToString()) });

        foreach (var refused in new[] { reused, doubled, unknown })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("idCard", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await DossierCountAsync());
        var ok = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = Application(fresh) });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_upload_whose_content_is_not_pdf_jpg_or_png()
    {
        var client = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");

        var response = await UploadAsync(client, "MZ this is an executable"u8.ToArray(), "bang-tot-nghiep.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PDF, JPG", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_require_a_bearer_token()
    {
        var anonymous = await portal.CreateClient().PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "diploma-copy", declaration = true, data = new { } });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Should_publish_the_procedures_and_their_form_schema()
    {
        var client = portal.CreateClient();

        var list = await client.GetFromJsonAsync<JsonArray>("/api/v1/procedures");
        var schema = await client.GetFromJsonAsync<JsonObject>("/api/v1/procedures/diploma-copy");
        var missing = await client.GetAsync("/api/v1/procedures/no-such-thing");

        Assert.Contains(list!, p => p!["id"]!.GetValue<string>() == "diploma-copy");
        Assert.Equal("file", schema!["forms"]![0]!["pages"]![2]!["fields"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
