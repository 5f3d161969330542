using System.Net;
using System.Text.Json.Nodes;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Applications;

/// <summary>
/// A field shown by an answer on its own page (postal address when delivery is by post) is in the HTML from the start,
/// so an applicant without JavaScript fills the page in one go; the page carries what form-logic.js needs to hide it.
/// </summary>
public sealed class ConditionalFieldsTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public ConditionalFieldsTests(PortalFactory portal) => this.portal = portal;

    private async Task<(HttpClient Browser, string DraftBase)> DraftAsync()
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = "nguyen.an@example.com", ["Password"] = DemoSeeder.DemoPassword });
        var pageOneUrl = (await browser.GetAsync("/procedures/diploma-copy/start")).Headers.Location!.ToString();
        return (browser, pageOneUrl[..pageOneUrl.LastIndexOf("/pages/", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Should_render_a_same_page_conditional_field_visible_with_its_rule_and_the_stored_answers()
    {
        var (browser, draftBase) = await DraftAsync();
        var pageOne = await HtmlPage.GetAsync(browser, draftBase + "/pages/1");
        await pageOne.SubmitAsync(browser, draftBase + "/pages/1", new Dictionary<string, string>
        {
            ["fullName"] = "An </script><script>alert(1)</script>", ["dateOfBirth"] = "2007-03-15", ["cccd"] = "001307012345", ["phone"] = "0912345678",
        });

        var pageTwo = await HtmlPage.GetAsync(browser, draftBase + "/pages/2");

        var wrapper = pageTwo.Document.QuerySelector("[data-field=postalAddress]")!;
        Assert.False(wrapper.HasAttribute("hidden"));
        Assert.Equal("application.delivery", JsonNode.Parse(wrapper.GetAttribute("data-visible-when")!)!["=="]![0]!["var"]!.ToString());
        Assert.NotNull(pageTwo.Document.GetElementById("postalAddress"));
        Assert.False(pageTwo.Document.QuerySelector("[data-field=delivery]")!.HasAttribute("data-visible-when"));
        var data = JsonNode.Parse(pageTwo.Document.GetElementById("form-data")!.TextContent)!;
        Assert.Equal("An </script><script>alert(1)</script>", data["fullName"]!.ToString());
        Assert.Equal("application", pageTwo.Document.QuerySelector("form[data-form-id]")!.GetAttribute("data-form-id"));
        Assert.Equal("number", pageTwo.Document.GetElementById("copies")!.GetAttribute("data-type"));
        Assert.Equal("select", pageTwo.Document.GetElementById("delivery")!.GetAttribute("data-type"));
        Assert.Equal("Gõ để tìm", pageTwo.Document.GetElementById("province")!.GetAttribute("data-filter-label"));
        Assert.NotNull(pageTwo.Document.QuerySelector("script[src^='/js/form-logic.js']"));
    }

    [Fact]
    public async Task Should_take_the_choice_and_the_field_it_reveals_in_one_post_without_javascript()
    {
        var (browser, draftBase) = await DraftAsync();
        var pageTwo = await HtmlPage.GetAsync(browser, draftBase + "/pages/2");

        var saved = await pageTwo.SubmitAsync(browser, draftBase + "/pages/2", new Dictionary<string, string>
        {
            ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = "2025", ["copies"] = "1", ["delivery"] = "post",
            ["postalAddress"] = "12 Tràng Tiền, Hoàn Kiếm, Hà Nội",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(draftBase + "/pages/3", saved.Headers.Location!.ToString());
        var data = JsonNode.Parse((await HtmlPage.GetAsync(browser, draftBase + "/pages/3")).Document.GetElementById("form-data")!.TextContent)!;
        Assert.Equal("12 Tràng Tiền, Hoàn Kiếm, Hà Nội", data["postalAddress"]!.ToString());
        Assert.Equal(1, data["copies"]!.GetValue<decimal>());
    }
}
