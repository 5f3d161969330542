using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Procedures;

/// <summary>The candidate's dossier page shows the candidate number, site and room (the procedure's <c>highlights:</c>)
/// once the lists are locked, and nothing of them before (a portal of its own: the lock numbers every waiting registration).</summary>
public sealed class ExamDossierPageTests(ExamPortalFactory portal) : ExamScenario(portal), IClassFixture<ExamPortalFactory>
{
    [Fact]
    public async Task The_dossier_page_shows_the_candidate_number_after_the_lock_and_not_before()
    {
        var api = await ApplicantAsync("hs.sbd@example.com", "Đặng Thu Hà", "001209000501");
        var code = await RegisterAsync(api, Registration("Đặng Thu Hà", "001209000501", "01-001"));
        var browser = await SignIn.ApplicantAsync(Portal, "hs.sbd@example.com");

        var submitted = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Null(submitted.Document.QuerySelector("[data-testid=highlights]"));
        Assert.DoesNotContain("Số báo danh", submitted.Text);

        // The edit form (JavaScript off) lists schools under their council's name, the candidate's own selected.
        var edit = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/edit");
        Assert.Equal("01-001", edit.Document.QuerySelector("#school12 optgroup[label='Sở GD&ĐT Hà Nội'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Sở GD&ĐT TP. Hồ Chí Minh", edit.Document.QuerySelectorAll("#school12 optgroup")[1].GetAttribute("label"));
        Assert.Equal([""], edit.Document.QuerySelectorAll("#school12 > option").Select(o => o.GetAttribute("value"))); // only "— Chọn —" outside a group

        await VerifyInBulkAsync(PhanDinhPhung, code);
        Assert.Equal(["locked-wait"], await WaitingAtAsync(code));
        var verified = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Null(verified.Document.QuerySelector("[data-testid=highlights]"));
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}"))!["highlights"]!.AsArray());

        await LockAsync();
        var number = (await VariablesAsync(code))["numbering"]!["value"]!.GetValue<string>();
        Assert.Equal("01000001", number);
        var locked = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        var box = locked.Document.QuerySelector("[data-testid=highlights]");
        Assert.NotNull(box);
        Assert.Equal(["Số báo danh", "Điểm thi số", "Phòng thi"], box!.QuerySelectorAll("dt").Select(e => e.TextContent.Trim()));
        Assert.Equal(["01000001", "1", "1"], box.QuerySelectorAll("dd").Select(e => e.TextContent.Trim()));

        // The same in English, and over the API (label and text in both languages).
        await browser.GetAsync($"/language/en?returnUrl=/dossiers/{code}");
        var english = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        Assert.Equal(["Candidate number", "Exam site no.", "Exam room"],
            english.Document.QuerySelectorAll("[data-testid=highlights] dt").Select(e => e.TextContent.Trim()));
        var highlights = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}"))!["highlights"]!.AsArray();
        Assert.Equal("Số báo danh", highlights[0]!["label"]!["vi"]!.GetValue<string>());
        Assert.Equal("01000001", highlights[0]!["value"]!["vi"]!.GetValue<string>());
        Assert.Equal(3, highlights.Count);
    }
}
