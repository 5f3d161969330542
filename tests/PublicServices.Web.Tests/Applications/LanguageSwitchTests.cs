using System.Net;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Applications;

/// <summary>
/// The header's language switch on an application page is a submit button of the page's form: what was typed is saved
/// in the draft (as typed, even a value the page would refuse), then the same page comes back in the other language.
/// </summary>
public sealed class LanguageSwitchTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public LanguageSwitchTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_keep_what_was_typed_when_the_language_is_switched_on_a_form_page()
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = "tran.binh@example.com", ["Password"] = DemoSeeder.DemoPassword });
        var pageOneUrl = (await browser.GetAsync("/procedures/diploma-copy/start")).Headers.Location!.ToString();
        var pageTwoUrl = pageOneUrl.Replace("/pages/1", "/pages/2");

        var vietnamese = await HtmlPage.GetAsync(browser, pageTwoUrl);
        var toEnglish = vietnamese.Document.QuerySelector("header button[name=language]");
        Assert.NotNull(toEnglish);
        Assert.Equal("page-form", toEnglish!.GetAttribute("form"));
        Assert.Equal("en", toEnglish.GetAttribute("value"));
        Assert.Equal(pageTwoUrl, vietnamese.Document.GetElementById("page-form")!.GetAttribute("action"));

        // Typed but not saved with "Lưu và tiếp tục" — one value out of range — then "English".
        var switched = await vietnamese.SubmitAsync(browser, pageTwoUrl, new Dictionary<string, string>
        {
            ["language"] = "en", ["province"] = "001", ["graduationYear"] = "2030", ["copies"] = "3", ["delivery"] = "post",
            ["postalAddress"] = "Số 5 phố Tràng Tiền, Hoàn Kiếm, Hà Nội", ["reason"] = "Bản chính bị hư hỏng",
        });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(pageTwoUrl, switched.Headers.Location!.ToString());

        var english = await HtmlPage.GetAsync(browser, pageTwoUrl);
        Assert.Equal("Step 2 of 3", english.Document.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.Equal("The diploma", english.Document.QuerySelector("main h1")!.TextContent.Trim());
        AssertTyped(english);
        Assert.Null(english.Document.GetElementById("error-summary")); // a switch is not a save: nothing is checked yet
        Assert.Equal("vi", english.Document.QuerySelector("header button[name=language]")!.GetAttribute("value"));

        // And back to Vietnamese from the English page, still with everything.
        var back = await english.SubmitAsync(browser, pageTwoUrl, new Dictionary<string, string>
        {
            ["language"] = "vi", ["province"] = "001", ["graduationYear"] = "2030", ["copies"] = "3", ["delivery"] = "post",
            ["postalAddress"] = "Số 5 phố Tràng Tiền, Hoàn Kiếm, Hà Nội", ["reason"] = "Bản chính bị hư hỏng",
        });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var again = await HtmlPage.GetAsync(browser, pageTwoUrl);
        Assert.Equal("Bước 2/3", again.Document.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        AssertTyped(again);

        // Elsewhere the switch is the plain link it was.
        var home = await HtmlPage.GetAsync(browser, "/");
        Assert.Null(home.Document.QuerySelector("header button[name=language]"));
        Assert.NotNull(home.Document.QuerySelector("header a[lang=en][href^='/language/en']"));
    }

    private static void AssertTyped(HtmlPage page)
    {
        Assert.Equal("2030", page.Document.GetElementById("graduationYear")!.GetAttribute("value"));
        Assert.Equal("3", page.Document.GetElementById("copies")!.GetAttribute("value"));
        Assert.Equal("post", page.Document.QuerySelector("#delivery option[selected]")!.GetAttribute("value"));
        Assert.Equal("001", page.Document.QuerySelector("#province option[selected]")!.GetAttribute("value"));
        Assert.Equal("Số 5 phố Tràng Tiền, Hoàn Kiếm, Hà Nội", page.Document.GetElementById("postalAddress")!.TextContent.Trim());
        Assert.Equal("Bản chính bị hư hỏng", page.Document.GetElementById("reason")!.TextContent.Trim());
    }
}
