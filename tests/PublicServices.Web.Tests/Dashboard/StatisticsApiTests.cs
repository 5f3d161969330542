using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dashboard;

public sealed class StatisticsApiTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    [Fact]
    public async Task Should_answer_the_same_numbers_as_the_page()
    {
        await portal.SeededAsync();
        var api = await ApiSession.SignInOfficialAsync(portal, "so.hanoi@demo.gov.vn");
        var browser = await portal.OfficialBrowserAsync("so.hanoi@demo.gov.vn");

        var json = (await api.GetFromJsonAsync<JsonObject>("/api/v1/statistics?" + DashboardPortal.Range))!;
        var page = await HtmlPage.GetAsync(browser, "/dashboard?" + DashboardPortal.Range);
        var total = json["total"]!;

        foreach (var (figure, property) in new[] { ("received", "received"), ("in-progress", "inProgress"), ("resolved", "resolved"),
                     ("on-time", "onTime"), ("late", "late"), ("cancelled", "cancelled") })
        {
            var shown = page.Document.QuerySelector($"[data-testid=headline] [data-figure={figure}]")!.TextContent.Trim();
            Assert.Equal(int.Parse(shown, NumberStyles.AllowThousands, Vietnamese), total[property]!.GetValue<int>());
        }
        Assert.Equal(page.Document.QuerySelector("[data-testid=headline] [data-figure=on-time-rate]")!.TextContent.Trim(),
            total["onTimeRate"]!.GetValue<double>().ToString("P1", Vietnamese));
        Assert.Equal(2.5, total["averageWorkingDays"]!.GetValue<double>());
        Assert.Equal("2026-02-02", json["from"]!.GetValue<string>());
        Assert.Equal("2026-03-01", json["to"]!.GetValue<string>());
        Assert.Equal(page.Document.QuerySelectorAll("#weekly-table tbody tr").Select(r => r.GetAttribute("data-week")),
            json["weeks"]!.AsArray().Select(w => w!["week"]!.GetValue<string>()));
        Assert.Equal([1, 2, 0, 0], json["weeks"]!.AsArray().Select(w => w!["figures"]!["received"]!.GetValue<int>()));
        Assert.Equal("diploma-copy", json["procedures"]![0]!["procedureId"]!.GetValue<string>());
        Assert.Equal(3, json["procedures"]![0]!["figures"]!["received"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_scope_the_API_like_the_page()
    {
        await portal.SeededAsync();
        var naric = await ApiSession.SignInOfficialAsync(portal, "tiepnhan@demo.gov.vn");
        var admin = await ApiSession.SignInOfficialAsync(portal, "admin@demo.gov.vn");

        var own = (await naric.GetFromJsonAsync<JsonObject>("/api/v1/statistics?" + DashboardPortal.Range))!;
        var other = await naric.GetAsync("/api/v1/statistics?unit=sgd-01&" + DashboardPortal.Range);
        var all = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/statistics?" + DashboardPortal.Range))!;
        var picked = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/statistics?unit=sgd-01&procedure=diploma-copy&" + DashboardPortal.Range))!;

        Assert.Equal(1, own["total"]!["received"]!.GetValue<int>());
        Assert.Equal(["foreign-degree"], own["procedures"]!.AsArray().Select(p => p!["procedureId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(1204, all["total"]!["received"]!.GetValue<int>());
        Assert.Equal("sgd-01", picked["unit"]!.GetValue<string>());
        Assert.Equal(3, picked["total"]!["received"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_count_a_dossier_submitted_through_the_API_for_its_agency_only()
    {
        var hanoi = await ApiSession.SignInOfficialAsync(portal, "so.hanoi@demo.gov.vn");
        var naric = await ApiSession.SignInOfficialAsync(portal, "tiepnhan@demo.gov.vn");
        async Task<int> Received(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonObject>("/api/v1/statistics"))!["total"]!["received"]!.GetValue<int>();
        var (hanoiBefore, naricBefore) = (await Received(hanoi), await Received(naric));

        var applicant = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var upload = await applicant.PostAsync("/api/v1/attachments",
            new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png(800, 600)), "file", "cccd.png" } });
        var attachment = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var submitted = await applicant.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureId = "diploma-copy", declaration = true, data = new JsonObject
            {
                ["fullName"] = "Trần Văn Bình", ["dateOfBirth"] = "1995-05-20", ["cccd"] = "079095000123", ["phone"] = "0912345678",
                ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = 2013, ["copies"] = 1, ["delivery"] = "pickup",
                ["idCard"] = new JsonArray(attachment),
            },
        });

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(hanoiBefore + 1, await Received(hanoi));
        Assert.Equal(naricBefore, await Received(naric));
    }

    [Fact]
    public async Task Should_refuse_applicants_and_anonymous_callers()
    {
        var applicant = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");

        var refused = await applicant.GetAsync("/api/v1/statistics");
        var anonymous = await portal.CreateClient().GetAsync("/api/v1/statistics");
        var tooLong = await (await ApiSession.SignInOfficialAsync(portal, "so.hanoi@demo.gov.vn")).GetAsync("/api/v1/statistics?from=2020-01-01&to=2026-01-01");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }
}
