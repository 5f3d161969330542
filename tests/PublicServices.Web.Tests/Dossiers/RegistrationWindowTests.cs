using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dossiers;

/// <summary>
/// A procedure's registration window from its settings, the applicant's edits while the school checks, and one live dossier
/// per uniqueBy key — through HTTP (API and pages without JavaScript) on a portal whose clock the test moves.
/// </summary>
public sealed class RegistrationWindowTests
{
    private const string Nhung = "nguyen.an@example.com";
    private const string Binh = "tran.binh@example.com";

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient api, JsonObject data) =>
        api.PostAsJsonAsync("/api/v1/dossiers", new { procedureId = RegistrationWindowPortal.ProcedureId, declaration = true, data });

    private static async Task<string> CodeOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    private static async Task<int> DossierCountAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync(d => d.ProcedureId == RegistrationWindowPortal.ProcedureId);
    }

    [Fact]
    public async Task Should_refuse_before_the_window_opens_accept_inside_it_and_refuse_after_it_closes()
    {
        using var portal = new RegistrationWindowPortal();
        var api = await ApiSession.SignInAsync(portal, Nhung);
        var browser = await SignIn.ApplicantAsync(portal, Nhung);

        // Monday 09/11 09:00: not open yet. The catalogue shows the window and no start button; nothing can be made.
        var catalogue = await HtmlPage.GetAsync(browser, "/");
        var card = catalogue.Document.QuerySelector($"[data-procedure={RegistrationWindowPortal.ProcedureId}]")!;
        Assert.Contains("10/11/2026 08:00 – 12/11/2026 17:00", card.QuerySelector("[data-testid=window]")!.TextContent);
        Assert.NotNull(card.QuerySelector("[data-testid=start-closed]"));
        Assert.Null(card.QuerySelector($"a[href='/procedures/{RegistrationWindowPortal.ProcedureId}/start']"));
        var start = await browser.GetAsync($"/procedures/{RegistrationWindowPortal.ProcedureId}/start");
        Assert.Equal("/", start.Headers.Location!.OriginalString);
        var early = await SubmitAsync(api, RegistrationWindowPortal.Registration("001307012345"));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("08:00 10/11/2026", await early.Content.ReadAsStringAsync());
        Assert.Equal(0, await DossierCountAsync(portal));
        using (var scope = portal.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.CountAsync(d => d.ProcedureId == RegistrationWindowPortal.ProcedureId));

        // Tuesday 10/11 09:00: open. A draft can be started from the catalogue; the API submits.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        (api, browser) = (await ApiSession.SignInAsync(portal, Nhung), await SignIn.ApplicantAsync(portal, Nhung)); // sessions follow the clock
        catalogue = await HtmlPage.GetAsync(browser, "/");
        Assert.NotNull(catalogue.Document.QuerySelector($"a[href='/procedures/{RegistrationWindowPortal.ProcedureId}/start']"));
        var draftStart = await browser.GetAsync($"/procedures/{RegistrationWindowPortal.ProcedureId}/start");
        var draftPage = draftStart.Headers.Location!.OriginalString;
        Assert.StartsWith("/drafts/", draftPage);
        var code = await CodeOf(await SubmitAsync(api, RegistrationWindowPortal.Registration("001307012345")));
        Assert.Equal(["check"], (await portal.InstanceAsync(code)).Waits);

        // Thursday 12/11 17:00: closed. The open draft says so and can be neither saved nor submitted; the API refuses.
        portal.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(8));
        browser = await SignIn.ApplicantAsync(portal, Nhung);
        var draft = await HtmlPage.GetAsync(browser, draftPage);
        Assert.Contains("17:00 12/11/2026", draft.Document.QuerySelector("[data-testid=window-closed]")!.TextContent);
        var saved = await draft.SubmitAsync(browser, draftPage, new Dictionary<string, string> { ["fullName"] = "Nguyễn Thị Hồng Nhung", ["next"] = "1" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // the page again, with the refusal
        Assert.Contains("17:00 12/11/2026", (await HtmlPage.ParseAsync(saved)).Document.QuerySelector("#error-summary")!.TextContent);
        var late = await SubmitAsync(await ApiSession.SignInAsync(portal, Binh), RegistrationWindowPortal.Registration("079095000123"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("17:00 12/11/2026", await late.Content.ReadAsStringAsync());
        Assert.Equal(1, await DossierCountAsync(portal));
    }

    [Fact]
    public async Task Should_let_the_applicant_edit_while_the_school_checks_cancel_the_claimed_task_and_restart_the_flow()
    {
        using var portal = new RegistrationWindowPortal();
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var api = await ApiSession.SignInAsync(portal, Nhung);
        var code = await CodeOf(await SubmitAsync(api, RegistrationWindowPortal.Registration("001307012345")));
        var task = Assert.Single((await portal.InstanceAsync(code)).Tasks);
        using (var scope = portal.Services.CreateScope())
        {
            var official = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == "so.hanoi@demo.gov.vn");
            var claimed = await scope.ServiceProvider.GetRequiredService<TaskActions>()
                .ClaimAsync(new OfficialScope(official.Id, official.FullName, [Roles.DepartmentOfficer], "sgd-01", null), task, CancellationToken.None);
            Assert.Equal(TaskActionStatus.Done, claimed.Status);
        }

        // An invalid change (ID of 11 digits, another exam year) is refused per field and changes nothing.
        var invalid = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = RegistrationWindowPortal.Registration("00130701234", year: 2026) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("cccd", (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        var unchanged = await portal.InstanceAsync(code);
        Assert.Equal([task], unchanged.Tasks);
        Assert.Equal("a", unchanged.Variables["registration"]!["category"]!.GetValue<string>());

        // Another applicant cannot even see it.
        var other = await ApiSession.SignInAsync(portal, Binh);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = RegistrationWindowPortal.Registration("001307012345") })).StatusCode);

        // A valid change: the claimed task disappears, the flow goes through `route` again (now a free candidate: no school check).
        var edited = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = RegistrationWindowPortal.Registration("001307012345", "b", "Nguyễn Thị Hồng Nhung Sửa") });
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var after = await portal.InstanceAsync(code);
        Assert.Empty(after.Tasks);
        Assert.Equal(["locked"], after.Waits);
        Assert.Equal("b", after.Variables["registration"]!["category"]!.GetValue<string>());
        Assert.Equal("Nguyễn Thị Hồng Nhung Sửa", after.Variables["registration"]!["fullName"]!.GetValue<string>());
        Assert.Contains("edited", after.Events);
        var queue = await SignIn.OfficialAsync(portal, "so.hanoi@demo.gov.vn");
        Assert.DoesNotContain(code, (await HtmlPage.GetAsync(queue, "/work")).Text);

        // Back to a grade-12 student through the web page (prefilled, JavaScript off): a new school check opens.
        var browser = await SignIn.ApplicantAsync(portal, Nhung);
        var dossierPage = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.NotNull(dossierPage.Document.QuerySelector($"[data-testid=edit] a[href='/dossiers/{code}/edit']"));
        var form = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/edit");
        Assert.Equal("Nguyễn Thị Hồng Nhung Sửa", ((AngleSharp.Html.Dom.IHtmlInputElement)form.Document.QuerySelector("#fullName")!).Value);
        // The header's language switch submits the form: it comes back in English with what was typed, nothing applied yet.
        Assert.Equal("edit-form", form.Document.QuerySelector("header button[name=language]")!.GetAttribute("form"));
        var english = await form.SubmitAsync(browser, $"/dossiers/{code}/edit", new Dictionary<string, string>
        {
            ["language"] = "en", ["fullName"] = "Nguyễn Thị Hồng Nhung", ["cccd"] = "001307012345", ["category"] = "a", ["year"] = "2027",
        });
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var englishPage = await HtmlPage.ParseAsync(english);
        Assert.Equal($"Change the registration — dossier {code}", englishPage.Document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Nguyễn Thị Hồng Nhung", ((AngleSharp.Html.Dom.IHtmlInputElement)englishPage.Document.QuerySelector("#fullName")!).Value);
        Assert.Equal("vi", englishPage.Document.QuerySelector("header button[name=language]")!.GetAttribute("value"));
        Assert.Equal("Nguyễn Thị Hồng Nhung Sửa", ((AngleSharp.Html.Dom.IHtmlInputElement)(await HtmlPage.GetAsync(browser, $"/dossiers/{code}/edit")).Document.QuerySelector("#fullName")!).Value);
        form = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/edit");
        Assert.Equal("Save changes", form.Document.QuerySelector("button[name=save]")!.TextContent.Trim()); // the cookie remembers English
        await browser.GetAsync("/language/vi?returnUrl=/");
        form = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/edit");
        var posted = await form.SubmitAsync(browser, $"/dossiers/{code}/edit", new Dictionary<string, string>
        {
            ["fullName"] = "Nguyễn Thị Hồng Nhung", ["cccd"] = "001307012345", ["category"] = "a", ["year"] = "2027",
        });
        Assert.Equal($"/dossiers/{code}", posted.Headers.Location?.OriginalString);
        var again = await portal.InstanceAsync(code);
        Assert.Equal(["check"], again.Waits);
        Assert.Single(again.Tasks);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(await SignIn.ApplicantAsync(portal, Binh), $"/dossiers/{code}/edit")).Status);

        // After the window closes: refused with the reason, on the page and over the API; nothing changes.
        portal.Clock.Advance(TimeSpan.FromDays(3));
        (api, browser) = (await ApiSession.SignInAsync(portal, Nhung), await SignIn.ApplicantAsync(portal, Nhung));
        var closed = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = RegistrationWindowPortal.Registration("001307012345", "b") });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("17:00", await closed.Content.ReadAsStringAsync());
        Assert.Equal(["check"], (await portal.InstanceAsync(code)).Waits);
        dossierPage = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Null(dossierPage.Document.QuerySelector("[data-testid=edit]"));
        Assert.NotNull(dossierPage.Document.QuerySelector("[data-testid=edit-closed]"));
    }

    [Fact]
    public async Task Should_refuse_an_edit_once_the_dossier_left_the_steps_named_by_edits_while()
    {
        using var portal = new RegistrationWindowPortal();
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var api = await ApiSession.SignInAsync(portal, Nhung);
        var code = await CodeOf(await SubmitAsync(api, RegistrationWindowPortal.Registration("001307012345")));
        using (var scope = portal.Services.CreateScope())
            await TestDossiers.AnswerAsync(scope.ServiceProvider, code, "task", "refuse", "Không phải học sinh của trường");

        var refused = await api.PutAsJsonAsync($"/api/v1/dossiers/{code}/form", new { data = RegistrationWindowPortal.Registration("001307012345", "b") });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("a", (await portal.InstanceAsync(code)).Variables["registration"]!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_second_live_dossier_with_the_same_key_also_when_submitted_at_once()
    {
        using var portal = new RegistrationWindowPortal();
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var nhung = await ApiSession.SignInAsync(portal, Nhung);
        var binh = await ApiSession.SignInAsync(portal, Binh);
        var first = await CodeOf(await SubmitAsync(nhung, RegistrationWindowPortal.Registration("001307012345")));

        var mine = await SubmitAsync(nhung, RegistrationWindowPortal.Registration("001307012345", "b"));
        var theirs = await SubmitAsync(binh, RegistrationWindowPortal.Registration("001307012345"));

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        Assert.Contains($"Số CCCD này đã đăng ký dự thi năm 2027 (hồ sơ {first})", await mine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, theirs.StatusCode);
        Assert.DoesNotContain(first, await theirs.Content.ReadAsStringAsync()); // another person's dossier code is not disclosed

        // An edit that takes someone else's key is refused the same way.
        var second = await CodeOf(await SubmitAsync(binh, RegistrationWindowPortal.Registration("079095000123", name: "Trần Văn Bình")));
        var taken = await binh.PutAsJsonAsync($"/api/v1/dossiers/{second}/form", new { data = RegistrationWindowPortal.Registration("001307012345", name: "Trần Văn Bình") });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        // Withdrawn: the key is free again.
        Assert.Equal(HttpStatusCode.OK, (await nhung.PostAsJsonAsync($"/api/v1/dossiers/{first}/withdrawal", new { })).StatusCode);
        await CodeOf(await SubmitAsync(nhung, RegistrationWindowPortal.Registration("001307012345")));

        // Two submissions of a new key at the same moment: exactly one dossier.
        var racing = await Task.WhenAll(
            SubmitAsync(nhung, RegistrationWindowPortal.Registration("001307099999")),
            SubmitAsync(binh, RegistrationWindowPortal.Registration("001307099999", name: "Trần Văn Bình")));
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Conflict);
        using var scope = portal.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync(d => d.UniqueKey == "2027-001307099999"));
    }

    [Fact]
    public async Task Should_apply_a_configuration_override_to_the_window_and_to_rules()
    {
        using var portal = new EarlyWindowPortal();
        var api = await ApiSession.SignInAsync(portal, Nhung);

        // Monday 09:00: the override opened the window at 08:00; examYear is 2028 in the form's rule and the key.
        var wrongYear = await SubmitAsync(api, RegistrationWindowPortal.Registration("001307012345"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongYear.StatusCode);
        var code = await CodeOf(await SubmitAsync(api, RegistrationWindowPortal.Registration("001307012345", year: 2028)));

        var instance = await portal.InstanceAsync(code);
        Assert.Equal(2028, instance.Variables["settings"]!["examYear"]!.GetValue<long>());
        using var scope = portal.Services.CreateScope();
        Assert.Equal("2028-001307012345", (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.SingleAsync(d => d.Code == code)).UniqueKey);
    }

    [Fact]
    public void Should_refuse_to_start_with_an_override_that_does_not_parse()
    {
        using var portal = new BadOverridePortal();

        var error = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains("Workflows:Settings:window-test:registrationCloses = 'next friday'", error.ToString());
    }

    private sealed class BadOverridePortal() : RegistrationWindowPortal(new Dictionary<string, string?>
    {
        ["Workflows:Settings:window-test:registrationCloses"] = "next friday",
    });
}
