using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Support;

/// <summary>
/// Test set-up in process: dossiers of the demo procedure submitted through the same services as the web (fast enough
/// for a thousand), their fee marked paid through the engine (the payment pages are a separate capability), and extra
/// officials with the demo authenticator key.
/// </summary>
public static class TestDossiers
{
    public static async Task<IReadOnlyList<string>> SubmitPaidAsync(PortalFactory portal, string applicantEmail, int count, string name = "Nguyễn Thị Hồng Nhung")
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var applicant = await db.Users.SingleAsync(u => u.Email == applicantEmail);
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await using var photo = new MemoryStream(TestFiles.Png(800, 600));
            var (file, _) = await services.GetRequiredService<AttachmentService>().UploadAsync(applicant.Id, "cccd.png", photo, CancellationToken.None);
            var data = new JsonObject
            {
                ["fullName"] = name, ["dateOfBirth"] = "2007-03-15", ["cccd"] = "001307012345", ["phone"] = "0912345678",
                ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = 2025, ["copies"] = 1, ["delivery"] = "pickup",
                ["idCard"] = new JsonArray(file!.Id.ToString()),
            };
            var result = await services.GetRequiredService<DossierSubmission>()
                .SubmitAsync(applicant.Id, "diploma-copy", data, Guid.NewGuid().ToString("N"), new Declaration("test"), CancellationToken.None);
            var code = result.Dossier?.Code ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message.En)));
            await AnswerAsync(services, code, BookmarkKinds.Payment, "paid");
            db.ChangeTracker.Clear();
            codes.Add(code);
        }
        return codes;
    }

    /// <summary>Uploads an ID photo and submits a complete application through the API, as a client app would; returns the code.</summary>
    public static async Task<string> SubmitViaApiAsync(HttpClient api, string fullName = "Trần Văn Bình", int graduationYear = 2024)
    {
        var upload = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png(800, 600)), "file", "cccd.png" } };
        var attachment = (await (await api.PostAsync("/api/v1/attachments", upload)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var response = await api.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = "diploma-copy",
            declaration = true,
            data = new JsonObject
            {
                ["fullName"] = fullName, ["dateOfBirth"] = "2006-09-02", ["cccd"] = "001206012345", ["phone"] = "0912345679",
                ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = graduationYear, ["copies"] = 1, ["delivery"] = "pickup",
                ["idCard"] = new JsonArray(attachment),
            },
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"submission answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    public static async Task AnswerAsync(IServiceProvider services, string code, string kind, string outcome, string? reason = null, JsonObject? payload = null)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var instance = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        var wait = await db.Bookmarks.SingleAsync(b => b.InstanceId == instance && b.Kind == kind);
        var resumed = await services.GetRequiredService<WorkflowEngine>()
            .ResumeAsync(new Stimulus(wait.Id, kind, outcome, "test") { Reason = reason, Payload = payload }, CancellationToken.None);
        if (resumed.Refused)
            throw new InvalidOperationException(resumed.Refusal!.Message);
        await db.SaveChangesAsync();
    }

    /// <summary>An official with two-factor sign-in set up with the demo authenticator key.</summary>
    public static async Task CreateOfficialAsync(PortalFactory portal, string email, string role, string unit, string name)
    {
        using var scope = portal.Services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<OfficialAccounts>().CreateAsync(email, DemoSeeder.DemoPassword, name, [role], unit);
        if (errors.Count > 0 && !errors.Any(e => e.ToString().Contains("already used")))
            throw new InvalidOperationException(string.Join("; ", errors));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoSeeder.DemoAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
