using System.Net;
using PublicServices.Platform.Identity;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dossiers;

/// <summary>The whole applicant journey with plain form posts, as a browser with JavaScript off does it.</summary>
public sealed class ApplicationJourneyTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public ApplicationJourneyTests(PortalFactory portal) => this.portal = portal;

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = portal.Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var response = await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient browser, HtmlPage page, string action, Dictionary<string, string> fields, (string Field, string Name, byte[] Bytes)? file)
    {
        var token = page.Document.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
            content.Add(new StringContent(value), key);
        if (file is { } upload)
            content.Add(new ByteArrayContent(upload.Bytes), upload.Field, upload.Name);
        return await browser.PostAsync(action, content);
    }

    [Fact]
    public async Task Should_fill_a_procedure_page_by_page_check_the_answers_and_submit()
    {
        var browser = await SignedInAsync("nguyen.an@example.com");

        var start = await browser.GetAsync("/procedures/diploma-copy/start");
        var pageOneUrl = start.Headers.Location!.ToString();
        var pageOne = await HtmlPage.GetAsync(browser, pageOneUrl);
        Assert.Equal("Bước 1/3", pageOne.Document.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.Equal("Nguyễn Thị Hồng Nhung", pageOne.Document.GetElementById("fullName")!.GetAttribute("value"));
        var draftBase = pageOneUrl[..pageOneUrl.LastIndexOf("/pages/", StringComparison.Ordinal)];

        var afterOne = await pageOne.SubmitAsync(browser, pageOneUrl, new Dictionary<string, string>
        {
            ["fullName"] = "Nguyễn Thị Hồng Nhung", ["dateOfBirth"] = "2007-03-15", ["cccd"] = "001307012345", ["phone"] = "0912345678",
        });
        Assert.Equal(draftBase + "/pages/2", afterOne.Headers.Location!.ToString());

        var pageTwo = await HtmlPage.GetAsync(browser, draftBase + "/pages/2");
        var invalid = await HtmlPage.ParseAsync(await pageTwo.SubmitAsync(browser, draftBase + "/pages/2", new Dictionary<string, string>
        {
            ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = "abc", ["copies"] = "", ["delivery"] = "post", ["postalAddress"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Equal("Vui lòng nhập một số.", invalid.FieldError("graduationYear"));
        Assert.Equal("Vui lòng nhập số bản sao.", invalid.FieldError("copies"));
        Assert.Equal("Vui lòng nhập địa chỉ nhận qua bưu điện.", invalid.FieldError("postalAddress")); // shown because delivery = post
        Assert.Equal("thpt", invalid.Document.QuerySelector("#diplomaType option[selected]")!.GetAttribute("value"));
        var afterTwo = await invalid.SubmitAsync(browser, draftBase + "/pages/2", new Dictionary<string, string>
        {
            ["diplomaType"] = "thpt", ["province"] = "001", ["graduationYear"] = "2025", ["copies"] = "2", ["delivery"] = "pickup",
        });
        Assert.Equal(draftBase + "/pages/3", afterTwo.Headers.Location!.ToString());

        var pageThree = await HtmlPage.GetAsync(browser, draftBase + "/pages/3");
        var uploaded = await PostMultipartAsync(browser, pageThree, draftBase + "/pages/3", new Dictionary<string, string> { ["next"] = "1" }, ("idCard", "cccd.png", TestFiles.Png(800, 600)));
        Assert.Equal(draftBase + "/review", uploaded.Headers.Location!.ToString());

        var review = await HtmlPage.GetAsync(browser, draftBase + "/review");
        Assert.Contains("cccd.png", review.Document.GetElementById("answer-idCard")!.TextContent);
        Assert.Contains("Thành phố Hà Nội", review.Document.GetElementById("answer-province")!.TextContent);
        Assert.Equal("15/03/2007", review.Document.GetElementById("answer-dateOfBirth")!.TextContent.Trim());
        var undeclared = await HtmlPage.ParseAsync(await review.SubmitAsync(browser, draftBase + "/submit", new Dictionary<string, string>()));
        Assert.NotNull(undeclared.Document.GetElementById("error-summary"));

        var submitted = await review.SubmitAsync(browser, draftBase + "/submit", new Dictionary<string, string> { ["declaration"] = "true" });
        var dossierUrl = submitted.Headers.Location!.ToString();
        Assert.Matches(@"^/dossiers/SGD-01-\d{6}-\d{4}$", dossierUrl);
        var again = await review.SubmitAsync(browser, draftBase + "/submit", new Dictionary<string, string> { ["declaration"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var dossier = await HtmlPage.GetAsync(browser, dossierUrl);
        Assert.Equal("Đang xử lý", dossier.Document.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var mine = await HtmlPage.GetAsync(browser, "/dossiers");
        Assert.NotNull(mine.Document.QuerySelector($"[data-dossier='{dossierUrl["/dossiers/".Length..]}']"));
    }

    [Fact]
    public async Task Should_keep_a_draft_to_resume_later_and_hide_it_from_others()
    {
        var owner = await SignedInAsync("tran.binh@example.com");
        var draftUrl = (await owner.GetAsync("/procedures/diploma-copy/start")).Headers.Location!.ToString();

        var later = await SignedInAsync("tran.binh@example.com");
        var mine = await HtmlPage.GetAsync(later, "/dossiers");
        var resumed = (await later.GetAsync("/procedures/diploma-copy/start")).Headers.Location!.ToString();
        var stranger = await SignedInAsync("nguyen.an@example.com");

        Assert.NotNull(mine.Document.QuerySelector("[data-draft]"));
        Assert.Equal(draftUrl, resumed);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(draftUrl)).StatusCode);
    }
}
