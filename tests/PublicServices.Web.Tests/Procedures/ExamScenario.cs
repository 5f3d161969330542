using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>
/// The portal for playing workflows/exam-registration.yaml: its clock starts on Thursday 22/04/2027 09:00 (Vietnam), inside
/// a registration window set by configuration (21/04/2027 07:00 – 28/04/2027 17:00, as the procedure's own defaults), with a
/// 100,000 VND fee for free candidates so their payment step is played.
/// </summary>
public class ExamPortalFactory : ClockedPortalFactory
{
    public ExamPortalFactory() : this(new Dictionary<string, string?>()) { }

    /// <summary>The exam portal with <paramref name="settings"/> added to (or overriding) its own.</summary>
    protected ExamPortalFactory(IReadOnlyDictionary<string, string?> settings) : base(new DateTimeOffset(2027, 4, 22, 9, 0, 0, TimeSpan.FromHours(7)),
        new Dictionary<string, string?>
        {
            ["Workflows:Settings:exam-registration:registrationOpens"] = "2027-04-21T07:00:00+07:00",
            ["Workflows:Settings:exam-registration:registrationCloses"] = "2027-04-28T17:00:00+07:00",
            ["Workflows:Settings:exam-registration:freeCandidateFee"] = "100000",
        }.Concat(settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value))
    {
    }
}

/// <summary>Candidates, school officers and council officials of the exam over HTTP; the outbox drained as workers would.</summary>
public abstract class ExamScenario(ExamPortalFactory portal)
{
    protected const string PhanDinhPhung = "truong.pdp@demo.gov.vn";   // school officer of 01-001
    protected const string ChuVanAn = "truong.cva@demo.gov.vn";        // school officer of 01-002
    protected const string LeHongPhong = "truong.lhp@demo.gov.vn";     // school officer of 02-001
    protected const string HanoiCouncil = "hoidong.hanoi@demo.gov.vn"; // council officer of sgd-01

    protected ExamPortalFactory Portal => portal;

    /// <summary>A grade-12 student (category a) of <paramref name="school"/> sitting Mathematics, Literature, Physics and English.</summary>
    protected static JsonObject Registration(string name, string cccd, string school, string council = "01") => new()
    {
        ["fullName"] = name, ["dateOfBirth"] = "2009-03-15", ["gender"] = "female", ["cccd"] = cccd,
        ["birthProvince"] = "001", ["ethnicity"] = "01", ["phone"] = "0912345678", ["email"] = "candidate@example.com",
        ["residenceProvince"] = "001", ["residenceCommune"] = "Phường Ba Đình",
        ["council"] = council, ["category"] = "a", ["school10"] = school, ["school11"] = school, ["school12"] = school,
        ["priorityArea"] = "KV3", ["priorityGroup"] = "none",
        ["electives"] = new JsonArray("LI", "NN"), ["foreignLanguage"] = "N1",
        ["contactAddress"] = "Số 1 phố Hàng Bài, Hoàn Kiếm, Hà Nội",
    };

    /// <summary>A new applicant account (the password is the demo one) whose bearer client is returned.</summary>
    protected async Task<HttpClient> ApplicantAsync(string email, string name, string cccd)
    {
        using (var scope = Portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var created = await users.CreateAsync(new ApplicationUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, FullName = name, Cccd = cccd,
                    DateOfBirth = new DateOnly(2009, 3, 15), PhoneNumber = "0912345678", CreatedAt = Portal.Clock.GetUtcNow(),
                }, DemoSeeder.DemoPassword);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
        return await ApiSession.SignInAsync(Portal, email);
    }

    protected async Task<HttpResponseMessage> PostRegistrationAsync(HttpClient api, JsonObject data)
    {
        data["photo"] = new JsonArray(await UploadAsync(api, TestFiles.Png(400, 600), "photo.png"));
        return await api.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "exam-registration", declaration = true, data });
    }

    protected async Task<string> RegisterAsync(HttpClient api, JsonObject data)
    {
        var response = await PostRegistrationAsync(api, data);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await DrainAsync();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    protected static async Task<string> UploadAsync(HttpClient api, byte[] content, string fileName)
    {
        var upload = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await api.PostAsync("/api/v1/attachments", upload);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>The open task of <paramref name="code"/> at <paramref name="step"/>, with its unit.</summary>
    protected Task<(Guid Id, string Unit)> TaskAsync(string code, string step) =>
        WithDbAsync(async db => (await db.Tasks.Where(t => t.DossierCode == code && t.StepId == step).Select(t => new { t.Id, t.UnitCode }).SingleAsync()) is var t
            ? (t.Id, t.UnitCode) : default);

    protected async Task<string> CompleteAsync(string official, string code, string step, string outcome, string? comment = null,
        object? fields = null, HttpStatusCode expect = HttpStatusCode.NoContent)
    {
        var (task, _) = await TaskAsync(code, step);
        var client = await ApiSession.SignInOfficialAsync(Portal, official);
        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome, comment, fields });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expect, $"{step}/{outcome}: {response.StatusCode} {body}");
        await DrainAsync();
        return body;
    }

    /// <summary>The school officer verifies every listed dossier's registration in one bulk action of the queue.</summary>
    protected async Task VerifyInBulkAsync(string official, params string[] codes)
    {
        var ids = new List<Guid>();
        foreach (var code in codes)
            ids.Add((await TaskAsync(code, "school-check")).Id);
        var client = await ApiSession.SignInOfficialAsync(Portal, official);
        var response = await client.PostAsJsonAsync("/api/v1/tasks/bulk-complete", new { taskIds = ids, outcome = "verify" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await DrainAsync();
    }

    /// <summary>Where the dossier's instance waits now (its open steps).</summary>
    protected Task<string[]> WaitingAtAsync(string code) =>
        WithDbAsync(db => db.Bookmarks.Where(b => db.Dossiers.Any(d => d.Code == code && d.InstanceId == b.InstanceId))
            .Select(b => b.StepId).ToArrayAsync());

    protected async Task<JsonObject> VariablesAsync(string code)
    {
        var json = await WithDbAsync(db => db.Instances.Where(i => db.Dossiers.Any(d => d.Code == code && d.InstanceId == i.Id))
            .Select(i => i.StateJson).SingleAsync());
        return WorkflowStateJson.Deserialize(json).Variables;
    }

    /// <summary>The council sends `registration-locked` for the exam year, as `publicservices signal send` does.</summary>
    protected async Task LockAsync(int year = 2027)
    {
        using var scope = Portal.Services.CreateScope();
        var broadcaster = scope.ServiceProvider.GetRequiredService<SignalBroadcaster>();
        var job = await broadcaster.StartAsync("registration-locked", year.ToString(), CancellationToken.None);
        await broadcaster.RunAsync(job, 100, null, CancellationToken.None);
        await DrainAsync();
    }

    /// <summary>The PDF of the dossier's latest document titled <paramref name="title"/> (the template's title).</summary>
    protected static async Task<byte[]> DocumentAsync(HttpClient api, string code, string title)
    {
        var detail = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}"))!;
        var document = detail["documents"]!.AsArray().Last(d => d!["title"]!.GetValue<string>() == title)!;
        var response = await api.GetAsync($"/api/v1/dossiers/{code}/documents/{document["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    protected Task DrainAsync() => Portal.DrainOutboxAsync();

    protected Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query) => Portal.QueryAsync(query);
}
