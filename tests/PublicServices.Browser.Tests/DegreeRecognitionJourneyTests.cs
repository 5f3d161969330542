using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PublicServices.Browser.Tests;

/// <summary>
/// workflows/degree-recognition.yaml played in Chromium as people would: the applicant on a phone finds the procedure
/// in the catalogue, fills the pages, uploads scans, submits and pays in the sandbox gateway; the recognition centre's
/// officer, expert and leader decide on their task pages on a desktop; the applicant downloads the certificate and
/// anyone checks it on /verify. Background work (documents, notifications, the gateway's notification) is drained as
/// the workers would. With PUBLICSERVICES_SCREENSHOTS=1 the pages are saved to docs/images/degree-recognition/.
/// </summary>
public sealed class DegreeRecognitionJourneyTests(ClockedBrowserPortal portal) : IClassFixture<ClockedBrowserPortal>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly string ImageFolder = RepoPaths.InRepo("docs", "images", "degree-recognition");
    private readonly List<string> scriptErrors = [];

    [Fact]
    public async Task Should_recognise_a_degree_from_the_catalogue_to_the_public_verification()
    {
        var applicant = await NewPageAsync(Phone);
        await SignInAsync(applicant, "tran.binh@example.com");
        await applicant.WaitForURLAsync(portal.BaseUrl + "/");

        // The catalogue: searching without tone marks finds the procedure.
        await applicant.FillAsync("#q", "cong nhan van bang");
        await applicant.ClickAsync("form[role=search] button");
        await Expect(applicant.Locator("[data-procedure]")).ToHaveCountAsync(1);
        var entry = applicant.Locator("[data-procedure=degree-recognition]");
        await Expect(entry).ToContainTextAsync("Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp");
        await Expect(entry).ToContainTextAsync("20 ngày làm việc");
        await Expect(entry).ToContainTextAsync("500.000 đồng (học ở nước ngoài)");
        await SnapAsync(applicant, "catalogue");
        await entry.Locator("a.btn").ClickAsync();

        // Page 1 is prefilled from the account.
        await applicant.WaitForURLAsync("**/pages/1");
        await Expect(applicant.Locator("[data-testid=progress]")).ToHaveTextAsync("Bước 1/3");
        await Expect(applicant.Locator("#fullName")).ToHaveValueAsync("Trần Văn Bình");
        await Expect(applicant.Locator("#cccd")).ToHaveValueAsync("079095000123");
        await applicant.ClickAsync("button[name=next]");

        // Page 2, the degree: a country forgotten and a duration out of range are shown beside their fields.
        await applicant.WaitForURLAsync("**/pages/2");
        await applicant.SelectOptionAsync("#level", new SelectOptionValue { Label = "Thạc sĩ" });
        await applicant.FillAsync("#degreeTitle", "Master of Science in Data Science");
        await applicant.FillAsync("#institution", "University of Melbourne");
        await applicant.FillAsync("#programme", "Data Science");
        await applicant.SelectOptionAsync("#studyMode", new SelectOptionValue { Label = "Tập trung tại cơ sở đào tạo ở nước ngoài" });
        await applicant.FillAsync("#enrolledOn", "2023-02-27");
        await applicant.FillAsync("#graduatedOn", "2025-12-12");
        await applicant.FillAsync("#yearsOfStudy", "20");
        await applicant.SelectOptionAsync("#studyPlace", new SelectOptionValue { Label = "Học ở nước ngoài" });
        await applicant.SelectOptionAsync("#verifiableOnline", new SelectOptionValue { Label = "Không" });
        await Expect(applicant.Locator("#verificationLink")).ToBeHiddenAsync(); // only when verifiable online
        await applicant.ClickAsync("button[name=next]");
        await Expect(applicant.Locator("#error-summary a")).ToHaveTextAsync(
            ["Vui lòng nhập quốc gia của cơ sở cấp bằng.", "Giá trị lớn nhất là 12."], new() { UseInnerText = true });
        await Expect(applicant.Locator("#degreeTitle")).ToHaveValueAsync("Master of Science in Data Science"); // kept
        await SnapAsync(applicant, "degree-page-errors");

        // The country list is long: its quick search narrows it as one types (no tone marks needed).
        await applicant.Locator("#country-filter").PressSequentiallyAsync("o-xtray");
        Assert.Equal(["— Chọn —", "Ô-xtrây-li-a"], await applicant.Locator("#country option").AllInnerTextsAsync());
        await applicant.SelectOptionAsync("#country", new SelectOptionValue { Label = "Ô-xtrây-li-a" });
        await applicant.FillAsync("#yearsOfStudy", "2");
        await applicant.ClickAsync("button[name=next]");

        // Page 3, the attachments: scans as PNG and PDF; the branch/online evidence is not asked for on-site study.
        await applicant.WaitForURLAsync("**/pages/3");
        await Expect(applicant.Locator("#modeEvidence")).ToHaveCountAsync(0);
        await applicant.SetInputFilesAsync("#diplomaCopy", Png("bang-thac-si.png", (22, 64, 120)));
        await applicant.SetInputFilesAsync("#diplomaTranslation", Pdf("ban-dich-bang.pdf", "Ban dich van bang (co chung thuc)"));
        await applicant.SetInputFilesAsync("#transcript", Png("bang-diem.png", (120, 40, 40)));
        await applicant.SetInputFilesAsync("#transcriptTranslation", Pdf("ban-dich-bang-diem.pdf", "Ban dich bang diem"));
        await applicant.SetInputFilesAsync("#proofOfStudyAbroad",
            [Pdf("quyet-dinh-nhap-hoc.pdf", "Letter of offer - University of Melbourne"), Png("ho-chieu.png", (30, 100, 60))]);
        await applicant.ClickAsync("button[name=next]");

        // Check the answers, declare, submit.
        await applicant.WaitForURLAsync("**/review");
        await Expect(applicant.Locator("#answer-level")).ToHaveTextAsync("Thạc sĩ");
        await Expect(applicant.Locator("#answer-country")).ToHaveTextAsync("Ô-xtrây-li-a");
        await Expect(applicant.Locator("#answer-studyMode")).ToHaveTextAsync("Tập trung tại cơ sở đào tạo ở nước ngoài");
        await Expect(applicant.Locator("#answer-graduatedOn")).ToHaveTextAsync("12/12/2025");
        await Expect(applicant.Locator("#answer-proofOfStudyAbroad")).ToHaveTextAsync("quyet-dinh-nhap-hoc.pdf, ho-chieu.png");
        await Expect(applicant.Locator("#answer-verificationLink")).ToHaveCountAsync(0);
        await SnapAsync(applicant, "check-answers");
        await applicant.CheckAsync("#declaration");
        await applicant.ClickAsync("form[action$='/submit'] button[type=submit]");
        await applicant.WaitForURLAsync("**/dossiers/NARIC-*");
        var code = applicant.Url[(applicant.Url.LastIndexOf('/') + 1)..];
        Assert.StartsWith("NARIC-261109-", code);
        await Expect(applicant.Locator("main")).ToContainTextAsync("07/12/2026"); // 20 working days from Monday 09/11

        // The receipt slip is issued before the fee is asked for.
        await DrainAsync();
        await applicant.ReloadAsync();
        await Expect(applicant.Locator("[data-testid=fee]")).ToHaveTextAsync("500.000 ₫"); // studied abroad
        await Expect(applicant.Locator("[data-testid=documents]")).ToContainTextAsync("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        await SnapAsync(applicant, "dossier-fee");

        await applicant.ClickAsync("form[action$='/pay'] button");
        await applicant.ArrivesAtAsync("**/sandbox-gateway/*");
        await Expect(applicant.Locator("[data-testid=sandbox-amount]")).ToHaveTextAsync("500.000 ₫");
        await applicant.ClickAsync("button[value=pay]");
        await applicant.ArrivesAtAsync("**/payments/sandbox/return*");
        await Expect(applicant.Locator("[data-testid=payment-status]")).ToContainTextAsync("chờ xác nhận");
        await DrainAsync(); // the gateway's server-to-server notification, the fee receipt, the intake task
        await applicant.ReloadAsync();
        await Expect(applicant.Locator("[data-testid=payment-status]")).ToContainTextAsync($"Đã nhận 500.000 ₫ lệ phí cho hồ sơ {code}");

        // The recognition centre, each official on a desktop with the authenticator code.
        var officer = await OfficialOpensTaskAsync("tiepnhan@demo.gov.vn", code, "Tiếp nhận, kiểm tra tính đầy đủ của hồ sơ");
        await Expect(officer.Locator("[data-testid=dossier-data]")).ToContainTextAsync("Master of Science in Data Science");
        await Expect(officer.Locator("#value-diplomaCopy img")).ToHaveAttributeAsync("alt", "bang-thac-si.png"); // the scan's preview
        await officer.CheckAsync("#outcome-accept");
        await DecideAsync(officer);

        var expert = await OfficialOpensTaskAsync("chuyenvien@demo.gov.vn", code, "Thẩm định văn bằng");
        await expert.ClickAsync("form[action$='/claim'] button");
        await Expect(expert.Locator("[data-testid=claimed-by]")).ToHaveTextAsync("Trần Thị Thẩm");
        await LookAtScansAsync(expert);
        await expert.CheckAsync("#outcome-recognise");
        await expert.FillAsync("#f-recognise-degreeTitleVi", "Thạc sĩ Khoa học dữ liệu");
        await expert.SelectOptionAsync("#f-recognise-vqfLevel", new SelectOptionValue { Label = "Bậc 7 – Thạc sĩ" });
        await expert.FillAsync("#f-recognise-note", "Chương trình đào tạo tập trung tại Ô-xtrây-li-a, thời gian học 2 năm (2023–2025).");
        await SnapAsync(expert, "expert-task");
        await DecideAsync(expert);

        var leader = await OfficialOpensTaskAsync("lanhdao@demo.gov.vn", code, "Lãnh đạo phê duyệt");
        var decisions = leader.Locator("[data-testid=decisions]");
        await Expect(decisions).ToContainTextAsync("Thẩm định văn bằng — Đề nghị công nhận");
        await Expect(decisions.Locator("[data-decision-field=degreeTitleVi]")).ToHaveTextAsync("Thạc sĩ Khoa học dữ liệu");
        await Expect(decisions.Locator("[data-decision-field=vqfLevel]")).ToHaveTextAsync("Bậc 7 – Thạc sĩ");
        await leader.CheckAsync("#outcome-sign");
        await SnapAsync(leader, "leader-task");
        await DecideAsync(leader);

        // The applicant's dossier now carries the certificate.
        await applicant.GotoAsync($"{portal.BaseUrl}/dossiers/{code}");
        await Expect(applicant.Locator("[data-testid=status]")).ToHaveTextAsync("Đã có kết quả");
        var documents = applicant.Locator("[data-testid=documents] li");
        await Expect(documents.Locator("strong")).ToHaveTextAsync(
            ["Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Biên lai thu phí, lệ phí", "Giấy công nhận văn bằng"]);
        await SnapAsync(applicant, "dossier-documents");

        var certificate = documents.Filter(new() { HasText = "Giấy công nhận văn bằng" });
        var download = await applicant.RunAndWaitForDownloadAsync(() => certificate.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        var pdfPath = Path.Combine(Path.GetTempPath(), $"{code}-certificate.pdf");
        await download.SaveAsAsync(pdfPath);
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        var text = Poppler.PdfToText(pdf);
        foreach (var expected in new[] { "GIẤY CÔNG NHẬN VĂN BẰNG", "Trần Văn Bình", "02/08/1995", "Master of Science in Data Science",
                     "Thạc sĩ Khoa học dữ liệu", "University of Melbourne", "Ô-xtrây-li-a", "Bậc 7", "Lê Quang Duyệt" })
            Assert.Contains(expected, text);
        if (JourneyPages.Screenshots)
            Poppler.FirstPageToPng(pdf, 80, Path.Combine(ImageFolder, "certificate.png"));

        // Anyone holding the certificate checks it on the public page printed on it, without signing in.
        var verifyUrl = await certificate.Locator("a[href^='/verify/']").GetAttributeAsync("href");
        Assert.Contains(verifyUrl!["/verify/".Length..], text); // the code printed on the certificate
        var visitor = await NewPageAsync(Phone);
        await visitor.GotoAsync(portal.BaseUrl + verifyUrl);
        var result = visitor.Locator("[data-testid=verify-result]");
        await Expect(result).ToHaveAttributeAsync("data-status", "valid");
        await Expect(result).ToContainTextAsync("Văn bản hợp lệ");
        await Expect(visitor.Locator("[data-testid=holder]")).ToHaveTextAsync("Trần V** B***");
        await visitor.SetInputFilesAsync("#file", pdfPath);
        await visitor.ClickAsync("form[enctype='multipart/form-data'] button");
        await Expect(visitor.Locator("[data-testid=compare-result]")).ToHaveAttributeAsync("data-result", "Same");
        await SnapAsync(visitor, "verify");
        File.Delete(pdfPath);
        Assert.Empty(scriptErrors);
    }

    private Task<IPage> NewPageAsync(ViewportSize viewport) => portal.NewPageAsync(viewport, scriptErrors);

    private Task SignInAsync(IPage page, string email) => portal.SubmitPasswordAsync(page, email);

    /// <summary>An official signs in (password, then the authenticator code) and opens the dossier's task from the queue.</summary>
    private async Task<IPage> OfficialOpensTaskAsync(string email, string code, string stepTitle)
    {
        var page = await NewPageAsync(Desktop);
        await portal.SignInOfficialAsync(page, email);
        await page.ClickAsync("nav a[href='/work']");
        var row = page.Locator("tr[data-task]", new() { HasText = code });
        await Expect(row).ToContainTextAsync(stepTitle);
        await row.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.WaitForURLAsync("**/work/tasks/*");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{code} — {stepTitle}");
        await LookAtScansAsync(page);
        return page;
    }

    /// <summary>
    /// Scrolls through the previews of the scanned images until each has loaded. They load lazily and have no reserved
    /// height, so the outcomes below them move down while they load: a click meant for an outcome could land elsewhere.
    /// </summary>
    private static async Task LookAtScansAsync(IPage page)
    {
        var previews = page.Locator("[data-testid=dossier-data] img");
        // The PNG scans; PDFs have a collapsed preview. Waited for: the page may still be parsing below what the caller
        // waited for (CountAsync counts at once — it once found two).
        await Expect(previews).ToHaveCountAsync(3);
        foreach (var preview in await previews.AllAsync())
        {
            await preview.ScrollIntoViewIfNeededAsync();
            await Expect(preview).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await preview.EvaluateAsync<int>("image => image.naturalWidth") > 0, "a preview did not decode");
        }
    }

    private async Task DecideAsync(IPage page)
    {
        await page.ClickAsync("form[action$='/complete'] button[type=submit]");
        await page.ArrivesAtAsync(portal.BaseUrl + "/work");
        await Expect(page.Locator("main .alert-success")).ToHaveTextAsync("Đã ghi nhận kết quả xử lý.");
        await DrainAsync();
        await page.Context.CloseAsync();
    }

    private Task DrainAsync() => portal.DrainOutboxAsync();

    private static Task SnapAsync(IPage page, string name) => JourneyPages.SnapAsync(page, ImageFolder, name);

    private static FilePayload Png(string name, (byte, byte, byte) band) =>
        new() { Name = name, MimeType = "image/png", Buffer = SampleScans.Png(600, 800, band) };

    private static FilePayload Pdf(string name, string line) =>
        new() { Name = name, MimeType = "application/pdf", Buffer = SampleScans.Pdf("PublicServices - sample scan", line) };
}
