using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Dossiers;

/// <summary>
/// The supplement loop from the applicant's side, with JavaScript off and over the API. The fee and the official's request
/// are given through the engine here: the payment pages and the officials' workspace are separate capabilities.
/// </summary>
public sealed class AmendmentTests : IClassFixture<ClockedPortalFactory>
{
    private const string Reason = "Ảnh CCCD bị mờ; năm tốt nghiệp không khớp sổ gốc.";
    private readonly ClockedPortalFactory portal;

    public AmendmentTests(ClockedPortalFactory portal) => this.portal = portal;

    private async Task<(HttpClient Api, string Code)> SubmitAsync(string email)
    {
        var api = await ApiSession.SignInAsync(portal, email);
        return (api, await TestDossiers.SubmitViaApiAsync(api, "Nguyễn Thị Hồng Nhung", 2025));
    }

    private async Task AnswerAsync(string code, string kind, string outcome, string? reason = null, JsonObject? payload = null)
    {
        using var scope = portal.Services.CreateScope();
        await TestDossiers.AnswerAsync(scope.ServiceProvider, code, kind, outcome, reason, payload);
    }

    private async Task<JsonObject> ApplicationDataAsync(string code)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var state = await (from d in db.Dossiers join i in db.Instances on d.InstanceId equals i.Id where d.Code == code select i.StateJson).SingleAsync();
        return WorkflowStateJson.Deserialize(state).Variables["application"]!.AsObject();
    }

    private async Task AskForSupplementAsync(string code)
    {
        await AnswerAsync(code, BookmarkKinds.Payment, "paid");
        await AnswerAsync(code, BookmarkKinds.Task, "supplement", Reason, new JsonObject { ["fields"] = new JsonArray("graduationYear", "idCard") });
    }

    [Fact]
    public async Task Should_show_the_reason_accept_only_the_requested_fields_and_restart_the_deadline()
    {
        var (_, code) = await SubmitAsync("nguyen.an@example.com");
        await AskForSupplementAsync(code);
        portal.Clock.Advance(TimeSpan.FromDays(7)); // the applicant answers a week later, on Monday 16/11/2026
        var browser = await SignIn.ApplicantAsync(portal, "nguyen.an@example.com");

        var dossier = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Contains(Reason, dossier.Document.QuerySelector("[data-testid=next-action]")!.TextContent);
        var amend = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/amend");
        Assert.NotNull(amend.Document.GetElementById("graduationYear"));
        Assert.NotNull(amend.Document.GetElementById("idCard"));
        Assert.Null(amend.Document.GetElementById("fullName")); // not asked for: not editable

        var invalid = await HtmlPage.ParseAsync(await amend.SubmitAsync(browser, $"/dossiers/{code}/amend",
            new Dictionary<string, string> { ["graduationYear"] = "2030" }));
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Equal("Giá trị lớn nhất là 2026.", invalid.FieldError("graduationYear"));
        Assert.Equal("2030", invalid.Document.GetElementById("graduationYear")!.GetAttribute("value"));
        Assert.Equal(2025, (await ApplicationDataAsync(code))["graduationYear"]!.GetValue<decimal>()); // nothing changed

        var sent = await invalid.SubmitAsync(browser, $"/dossiers/{code}/amend", new Dictionary<string, string> { ["graduationYear"] = "2024" });
        Assert.Equal($"/dossiers/{code}", sent.Headers.Location!.ToString());
        var after = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        var data = await ApplicationDataAsync(code);

        Assert.Null(after.Document.QuerySelector("[data-testid=next-action]"));
        Assert.Equal(2024, data["graduationYear"]!.GetValue<decimal>());
        Assert.Equal("Nguyễn Thị Hồng Nhung", data["fullName"]!.GetValue<string>());
        Assert.Single(data["idCard"]!.AsArray()); // the file already submitted is kept when no new one is uploaded
        // "deadlineOnResubmit: restart": 5 working days from Monday 16/11/2026 is Monday 23/11/2026 (it was 16/11).
        Assert.Contains("23/11/2026", after.Text);
        Assert.Equal(HttpStatusCode.Conflict, (await (await ApiSession.SignInAsync(portal, "nguyen.an@example.com"))
            .PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments", new { data = new { graduationYear = 2023 } })).StatusCode);
    }

    [Fact]
    public async Task Should_amend_over_the_api_refusing_fields_that_were_not_requested()
    {
        var (api, code) = await SubmitAsync("tran.binh@example.com");
        var stranger = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        await AskForSupplementAsync(code);

        var detail = await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}");
        var notAsked = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments", new { data = new { fullName = "Người Khác", graduationYear = 2024 } });
        var notMine = await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments", new { data = new { graduationYear = 2024 } });
        var unchanged = await ApplicationDataAsync(code);
        var accepted = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/amendments", new { data = new { graduationYear = 2024 } });

        Assert.Equal("amend", detail!["next"]!["kind"]!.GetValue<string>());
        Assert.Equal(Reason, detail["next"]!["reason"]!.GetValue<string>());
        Assert.Equal(["graduationYear", "idCard"], detail["next"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, notAsked.StatusCode);
        Assert.Equal(["fullName"], (await notAsked.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(2025, unchanged["graduationYear"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2024, (await ApplicationDataAsync(code))["graduationYear"]!.GetValue<decimal>());
    }
}
