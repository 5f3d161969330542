using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Results;

/// <summary>The public result look-up opens at the publication time set with <c>results publish --at</c>, not a second before.</summary>
public sealed class ResultLookupTests(ClockedPortalFactory portal) : IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task Should_show_scores_only_after_the_publication_time_and_404_for_unknown_numbers_then_limit_the_rate()
    {
        var publishAt = portal.Clock.GetUtcNow().AddHours(3);
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResultPublication>().ScheduleAsync(2027, publishAt, default);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DatasetRecords.Add(new DatasetRecord { Dataset = "exam-2027", Key = "01000001", DataJson = """{"scores":{"VAN":6.25,"TOAN":7.5,"N1":9},"record":7.1}""" });
            await db.SaveChangesAsync();
        }
        var client = portal.Browser();

        var apiBefore = await client.GetAsync("/api/v1/results/2027/01000001");
        var pageBefore = await client.GetAsync("/results?exam=2027&number=01000001");
        portal.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        var justBefore = await client.GetAsync("/api/v1/results/2027/01000001");
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        var apiAfter = await client.GetAsync("/api/v1/results/2027/01000001");
        var page = await HtmlPage.GetAsync(client, "/results?exam=2027&number=01000001");
        var unknown = await client.GetAsync("/api/v1/results/2027/01999999");
        var unknownPage = await client.GetAsync("/results?exam=2027&number=01999999");
        var otherExam = await client.GetAsync("/api/v1/results/2026/01000001");

        Assert.Equal(HttpStatusCode.NotFound, apiBefore.StatusCode);
        Assert.Equal("not-published", JsonNode.Parse(await apiBefore.Content.ReadAsStringAsync())!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, pageBefore.StatusCode);
        Assert.Contains("Chưa công bố kết quả", await pageBefore.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, justBefore.StatusCode);

        Assert.Equal(HttpStatusCode.OK, apiAfter.StatusCode);
        var json = JsonNode.Parse(await apiAfter.Content.ReadAsStringAsync())!;
        Assert.Equal("01000001", json["candidateNumber"]!.GetValue<string>());
        Assert.Equal(["TOAN", "VAN", "N1"], json["scores"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()));   // the subject list's order
        Assert.Equal("Ngữ văn", json["scores"]![1]!["nameVi"]!.GetValue<string>());
        Assert.Equal("English", json["scores"]![2]!["nameEn"]!.GetValue<string>());
        Assert.Equal(7.1m, json["record"]!.GetValue<decimal>());
        Assert.Null(json["fullName"]);
        Assert.Equal("found", page.Document.QuerySelector("[data-testid=results-status]")!.GetAttribute("data-status"));
        Assert.Contains("Toán", page.Document.QuerySelector("tr[data-subject=TOAN]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Contains("01999999", await unknownPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherExam.StatusCode);

        // RateLimits:ResultsPerMinute (120 by default) per address.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 130; i++)
            statuses.Add((await client.GetAsync("/api/v1/results/2027/01000001")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
