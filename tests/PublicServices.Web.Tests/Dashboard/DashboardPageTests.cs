using System.Net;
using PublicServices.Platform.Identity;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dashboard;

public sealed class DashboardPageTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    private static string Figure(HtmlPage page, string figure) =>
        page.Document.QuerySelector($"[data-testid=headline] [data-figure={figure}]")!.TextContent.Trim();

    private static string Cell(HtmlPage page, string row, string figure) =>
        page.Document.QuerySelector($"{row} [data-figure={figure}]")!.TextContent.Trim();

    [Fact]
    public async Task Should_show_an_administrator_every_unit_with_Vietnamese_number_formats()
    {
        await portal.SeededAsync();
        var admin = await portal.OfficialBrowserAsync("admin@demo.gov.vn");

        var page = await HtmlPage.GetAsync(admin, "/dashboard?" + DashboardPortal.Range);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Thống kê tình hình giải quyết hồ sơ", page.Text);
        Assert.Equal("1.204", Figure(page, "received"));
        Assert.Equal("1.200", Figure(page, "cancelled"));
        Assert.Equal("2", Figure(page, "late"));
        Assert.Matches(@"^33,3\s?%$", Figure(page, "on-time-rate"));
        Assert.Equal("2,7", Figure(page, "average-days"));
        Assert.Equal(["2026-W06", "2026-W07", "2026-W08", "2026-W09"],
            page.Document.QuerySelectorAll("#weekly-table tbody tr").Select(r => r.GetAttribute("data-week")));
        Assert.Contains("Tuần 07/2026 (09/02/2026 – 15/02/2026)", page.Document.QuerySelector("#weekly-table")!.TextContent);
        Assert.Equal(["diploma-copy", "foreign-degree"], page.Document.QuerySelectorAll("#procedure-table tbody tr").Select(r => r.GetAttribute("data-procedure")));
        Assert.Contains("Cấp bản sao văn bằng", page.Document.QuerySelector("#procedure-table")!.TextContent);
        // The demo units and those the demo seed imports from workflows/units (every council's department, sample schools).
        var options = page.Document.QuerySelectorAll("#unit option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", .. SeededUnitCodes().Order(StringComparer.Ordinal)], options);
        Assert.Superset(new HashSet<string?> { "01-001", "01-002", "02-001", "naric", "sgd-01", "sgd-02", "sgd-64", "sgd-65" }, options.ToHashSet());
    }

    [Fact]
    public async Task Should_render_in_English_with_English_number_formats()
    {
        await portal.SeededAsync();
        var admin = await portal.OfficialBrowserAsync("admin@demo.gov.vn");

        var page = await HtmlPage.GetAsync(admin, "/dashboard?culture=en&" + DashboardPortal.Range);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Dossier processing statistics", page.Text);
        Assert.Equal("1,204", Figure(page, "received"));
        Assert.Equal("33.3%", Figure(page, "on-time-rate"));
        Assert.Equal("2.7", Figure(page, "average-days"));
        Assert.Contains("Week 07, 2026", page.Document.QuerySelector("#weekly-table")!.TextContent);
        Assert.Contains("Certified copy of a diploma", page.Document.QuerySelector("#procedure-table")!.TextContent);
    }

    [Fact]
    public async Task Should_show_an_official_their_unit_and_its_schools_only()
    {
        await portal.SeededAsync();
        var hanoi = await portal.OfficialBrowserAsync("so.hanoi@demo.gov.vn");

        var page = await HtmlPage.GetAsync(hanoi, "/dashboard?" + DashboardPortal.Range);
        var school = await HtmlPage.GetAsync(hanoi, "/dashboard?unit=01-001&" + DashboardPortal.Range);
        var otherUnit = await hanoi.GetAsync("/dashboard?unit=naric&" + DashboardPortal.Range);

        Assert.Equal("3", Figure(page, "received"));
        Assert.Equal("1", Figure(page, "on-time"));
        Assert.Equal("1", Figure(page, "late"));
        Assert.Equal("1", Figure(page, "in-progress"));
        Assert.Equal("0", Figure(page, "cancelled"));
        Assert.Equal("2,5", Figure(page, "average-days"));
        // W07 holds A (Thu 12/02) and B (Fri 13/02), decided after Tết.
        Assert.Equal("2", Cell(page, "[data-week='2026-W07']", "received"));
        Assert.Equal(["diploma-copy"], page.Document.QuerySelectorAll("#procedure-table tbody tr").Select(r => r.GetAttribute("data-procedure")));
        Assert.Equal(["", .. SeededUnitCodes().Where(c => c.StartsWith("01-", StringComparison.Ordinal)).Order(StringComparer.Ordinal), "sgd-01"],
            page.Document.QuerySelectorAll("#unit option").Select(o => o.GetAttribute("value")));
        Assert.Equal("1", Figure(school, "received"));
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
    }

    [Fact]
    public async Task Should_not_show_an_official_of_another_unit_the_dossiers_of_sgd01()
    {
        await portal.SeededAsync();
        var naric = await portal.OfficialBrowserAsync("tiepnhan@demo.gov.vn");

        var page = await HtmlPage.GetAsync(naric, "/dashboard?" + DashboardPortal.Range);
        var asked = await naric.GetAsync("/dashboard?unit=sgd-01&" + DashboardPortal.Range);
        var csv = await naric.GetAsync("/dashboard/export.csv?unit=sgd-01&" + DashboardPortal.Range);

        Assert.Equal("1", Figure(page, "received"));
        Assert.Equal("1", Figure(page, "late"));
        Assert.Equal(["foreign-degree"], page.Document.QuerySelectorAll("#procedure-table tbody tr").Select(r => r.GetAttribute("data-procedure")));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("#unit option"), o => o.GetAttribute("value") == "sgd-01");
        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_applicants_and_send_visitors_to_sign_in()
    {
        var applicant = await portal.ApplicantBrowserAsync("nguyen.an@example.com");

        var page = await applicant.GetAsync("/dashboard");
        var csv = await applicant.GetAsync("/dashboard/export.csv");
        var visitor = await portal.Browser().GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/account/login", visitor.Headers.Location?.PathAndQuery ?? visitor.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Should_work_without_JavaScript_with_the_chart_as_an_enhancement()
    {
        await portal.SeededAsync();
        var hanoi = await portal.OfficialBrowserAsync("so.hanoi@demo.gov.vn");

        var page = await HtmlPage.GetAsync(hanoi, "/dashboard");
        var filter = page.Document.QuerySelector("form[action='/dashboard']")!;
        var chart = page.Document.GetElementById("weekly-chart-figure")!;
        var data = System.Text.Json.Nodes.JsonNode.Parse(page.Document.GetElementById("dashboard-data")!.TextContent)!;
        var scripts = page.Document.Scripts.Select(s => s.GetAttribute("src") ?? "").ToList();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("get", filter.GetAttribute("method"));
        Assert.Equal(["unit", "procedure", "from", "to"], filter.QuerySelectorAll("select, input").Select(e => e.GetAttribute("name")));
        // By default the last 12 ISO weeks, every one of them a row of the table that is always in the page.
        Assert.Equal(12, page.Document.QuerySelectorAll("#weekly-table tbody tr").Length);
        Assert.True(chart.HasAttribute("hidden"));
        Assert.Equal(12, data["labels"]!.AsArray().Count);
        Assert.Contains(scripts, s => s.StartsWith("/lib/chart.js/chart.umd.js", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.StartsWith("/js/dashboard.js", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await hanoi.GetAsync("/lib/chart.js/chart.umd.js")).StatusCode);
    }

    [Fact]
    public async Task Should_fall_back_to_the_last_twelve_weeks_with_a_message_for_bad_dates()
    {
        var hanoi = await portal.OfficialBrowserAsync("so.hanoi@demo.gov.vn");

        var garbled = await HtmlPage.GetAsync(hanoi, "/dashboard?from=not-a-date");
        var tooLong = await HtmlPage.GetAsync(hanoi, "/dashboard?from=2020-01-01&to=2026-01-01");

        Assert.Equal(HttpStatusCode.OK, garbled.Status);
        Assert.NotNull(garbled.Document.GetElementById("error-summary"));
        Assert.Equal(12, garbled.Document.QuerySelectorAll("#weekly-table tbody tr").Length);
        Assert.Contains("tối đa là 731 ngày", tooLong.Document.GetElementById("error-summary")!.TextContent);
        Assert.Equal(12, tooLong.Document.QuerySelectorAll("#weekly-table tbody tr").Length);
    }

    /// <summary>The codes of the units a Development database is seeded with: the demo units, then workflows/units/*.csv.</summary>
    private static IReadOnlyList<string> SeededUnitCodes()
    {
        var codes = DemoSeeder.DemoUnits.Select(u => u.Code).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InRepo("workflows", "units"), "*.csv"))
        {
            var problems = new List<UnitImportProblem>();
            using var reader = new StreamReader(file);
            codes.UnionWith(UnitCsv.Read(reader, null, problems).Select(r => r.Unit.Code));
            Assert.Empty(problems);
        }
        return codes.ToList();
    }
}
