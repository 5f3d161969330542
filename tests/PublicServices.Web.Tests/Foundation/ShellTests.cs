using System.Net;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Foundation;

public sealed class ShellTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public ShellTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_serve_the_home_page_in_vietnamese_by_default()
    {
        var page = await HtmlPage.GetAsync(portal.Browser(), "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("vi", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Dịch vụ công trực tuyến ngành Giáo dục", page.Text);
    }

    [Fact]
    public async Task Should_switch_to_english_and_remember_it()
    {
        var browser = portal.Browser();
        var switched = await browser.GetAsync("/language/en?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var page = await HtmlPage.GetAsync(browser, "/");

        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Online public services of the education sector", page.Text);
    }

    [Fact]
    public async Task Should_refuse_to_redirect_the_language_switch_off_site()
    {
        var response = await portal.Browser().GetAsync("/language/en?returnUrl=https%3A%2F%2Fevil.example");

        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Should_report_healthy_with_the_database_reachable()
    {
        var response = await portal.Browser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_serve_the_openapi_document()
    {
        var response = await portal.Browser().GetAsync("/openapi/v1.json");

        var paths = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/identity/login", paths);
        Assert.Contains("/api/v1/procedures", paths);
        Assert.Contains("/api/v1/procedures/{id}", paths);
        Assert.Contains("/api/v1/dossiers", paths);
        Assert.Contains("/api/v1/dossiers/{code}", paths);
        Assert.Contains("/api/v1/dossiers/{code}/amendments", paths);
        Assert.Contains("/api/v1/dossiers/{code}/withdrawal", paths);
    }

    [Theory]
    [InlineData("ban sao van bang so goc", true)]
    [InlineData("Bản sao văn bằng", true)]
    [InlineData("copy of a diploma", true)]
    [InlineData("phuc khao", false)]
    public async Task Should_find_procedures_with_or_without_diacritics(string query, bool found)
    {
        var page = await HtmlPage.GetAsync(portal.Browser(), "/?q=" + Uri.EscapeDataString(query));

        Assert.Equal(found, page.Document.QuerySelector("[data-procedure=diploma-copy]") is not null);
    }

    [Fact]
    public async Task Should_list_the_procedures_with_deadline_and_fee()
    {
        var page = await HtmlPage.GetAsync(portal.Browser(), "/");

        var card = page.Document.QuerySelector("[data-procedure=diploma-copy]")!;
        Assert.Contains("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", card.TextContent);
        Assert.Contains("5 ngày làm việc", card.TextContent);
        Assert.Contains("20.000 đồng/bản", card.TextContent);
        Assert.Contains("Sở Giáo dục và Đào tạo Hà Nội", card.TextContent);
    }
}
