using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>
/// Playing workflows/degree-recognition.yaml over HTTP with the demo officials of VN-NARIC: applications with uploads,
/// the fee in the sandbox, officials' decisions over the API, the outbox drained as the workers would. Each test class
/// has its own portal whose clock starts on Monday 09/11/2026 09:00 (Vietnam), so working-day deadlines are exact.
/// </summary>
public abstract class DegreeRecognitionScenario(ClockedPortalFactory portal)
{
    protected const string Officer = "tiepnhan@demo.gov.vn";
    protected const string Expert = "chuyenvien@demo.gov.vn";
    protected const string Leader = "lanhdao@demo.gov.vn";

    protected ClockedPortalFactory Portal => portal;

    protected static JsonObject Application(string name, string born, string studyPlace = "abroad") => new()
    {
        ["fullName"] = name, ["dateOfBirth"] = born, ["cccd"] = "079095000123", ["phone"] = "0987654321", ["email"] = "applicant@example.com",
        ["level"] = "master", ["degreeTitle"] = "Master of Science in Data Science", ["institution"] = "University of Melbourne",
        ["country"] = "AU", ["programme"] = "Data Science", ["studyMode"] = "onsite", ["enrolledOn"] = "2023-02-27",
        ["graduatedOn"] = "2025-12-12", ["yearsOfStudy"] = 2, ["studyPlace"] = studyPlace, ["verifiableOnline"] = "no",
    };

    protected async Task<string> SubmitAsync(HttpClient api, JsonObject data)
    {
        foreach (var field in new[] { "diplomaCopy", "diplomaTranslation", "transcript", "transcriptTranslation" })
            data[field] = new JsonArray(await UploadAsync(api));
        if (data["studyPlace"]!.GetValue<string>() == "abroad")
            data["proofOfStudyAbroad"] = new JsonArray(await UploadAsync(api));
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = "degree-recognition", declaration = true, data });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    protected static async Task<string> UploadAsync(HttpClient api)
    {
        var upload = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png(800, 600)), "file", "scan.png" } };
        return (await (await api.PostAsync("/api/v1/attachments", upload)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Submitted, paid in the sandbox and waiting at intake.</summary>
    protected async Task<(HttpClient Api, string Code)> PaidAsync(string email, string name, string born, string studyPlace = "abroad")
    {
        var api = await ApiSession.SignInAsync(Portal, email);
        var code = await SubmitAsync(api, Application(name, born, studyPlace));
        await DrainAsync(); // the receipt slip is issued before the fee is asked for
        await SandboxPay.PayAsync(await SignIn.ApplicantAsync(Portal, email), code);
        await DrainAsync();
        Assert.True(await WithDbAsync(db => db.Tasks.AnyAsync(t => t.DossierCode == code && t.StepId == "intake")));
        return (api, code);
    }

    /// <summary>An official of VN-NARIC completes the dossier's open task at <paramref name="step"/> over the API; returns the body.</summary>
    protected async Task<string> CompleteAsync(string official, string code, string step, string outcome, string? comment = null,
        object? fields = null, string[]? supplementFields = null, HttpStatusCode expect = HttpStatusCode.NoContent)
    {
        var task = await WithDbAsync(db => db.Tasks.Where(t => t.DossierCode == code && t.StepId == step).Select(t => t.Id).SingleAsync());
        var client = await ApiSession.SignInOfficialAsync(Portal, official);
        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { outcome, comment, fields, supplementFields });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expect, $"{step}/{outcome}: {response.StatusCode} {body}");
        await DrainAsync();
        return body;
    }

    protected static async Task<JsonObject> DetailAsync(HttpClient api, string code) =>
        (await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}"))!;

    protected Task DrainAsync() => portal.DrainOutboxAsync();

    protected Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query) => portal.QueryAsync(query);
}
