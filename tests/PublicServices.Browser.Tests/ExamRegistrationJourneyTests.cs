using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Results;
using PublicServices.Platform.Storage;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PublicServices.Browser.Tests;

/// <summary>
/// The portal inside the 2027 exam's registration window (21/04/2027 07:00 – 28/04/2027 17:00, set by configuration as an
/// environment would): its clock starts on Thursday 22/04/2027 09:00 (Vietnam) and runs at the real pace until the test
/// moves it on (the lists locked in May, the results published on 16/07/2027).
/// </summary>
public sealed class ExamBrowserPortal() : ClockedBrowserPortal(new DateTimeOffset(2027, 4, 22, 9, 0, 0, TimeSpan.FromHours(7)),
    new Dictionary<string, string?>
    {
        ["Workflows:Settings:exam-registration:registrationOpens"] = "2027-04-21T07:00:00+07:00",
        ["Workflows:Settings:exam-registration:registrationCloses"] = "2027-04-28T17:00:00+07:00",
    });

/// <summary>
/// workflows/exam-registration.yaml played in Chromium: a grade-12 student on a small phone (360 px) registers from the
/// catalogue — code lists with their quick search, the electives, the language appearing with "Ngoại ngữ", the photo —
/// then changes the registration while the school checks it; the school's officer verifies the class in bulk from the
/// queue on a desktop; after the lists are locked, the scores imported and the results published (through the services,
/// as the council's commands do), anyone looks the result up on /results and the candidate downloads the certificate.
/// Every phone page is checked for horizontal overflow. With PUBLICSERVICES_SCREENSHOTS=1 the pages are saved to
/// docs/images/exam-registration/.
/// </summary>
public sealed class ExamRegistrationJourneyTests(ExamBrowserPortal portal) : IClassFixture<ExamBrowserPortal>
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly string ImageFolder = RepoPaths.InRepo("docs", "images", "exam-registration");
    private const string Email = "khoa.le@example.com";
    private const int Classmates = 24; // of the same school, registered through the API beforehand
    private readonly List<string> scriptErrors = [];

    [Fact]
    public async Task Should_register_on_a_phone_be_verified_in_bulk_and_find_the_result()
    {
        await CreateApplicantAsync(Email, "Lê Minh Khoa", "001209004567", new DateOnly(2009, 9, 2));
        await RegisterClassmatesAsync();

        var candidate = await NewPageAsync(Phone);
        await SignInAsync(candidate, Email);
        await candidate.WaitForURLAsync(portal.BaseUrl + "/");

        // The catalogue: found without tone marks, with its registration window.
        await candidate.FillAsync("#q", "dang ky du thi tot nghiep");
        await candidate.ClickAsync("form[role=search] button");
        var entry = candidate.Locator("[data-procedure=exam-registration]");
        await Expect(entry).ToContainTextAsync("Đăng ký dự thi tốt nghiệp trung học phổ thông");
        await Expect(entry.Locator("[data-testid=window]")).ToHaveTextAsync("21/04/2027 07:00 – 28/04/2027 17:00 (giờ Việt Nam)");
        await NoOverflowAsync(candidate);
        await entry.Locator("a.btn").ClickAsync();

        // Page 1, the candidate: prefilled from the account; the birthplace switches with "born abroad".
        await candidate.WaitForURLAsync("**/pages/1");
        await Expect(candidate.Locator("[data-testid=progress]")).ToHaveTextAsync("Bước 1/4");
        await Expect(candidate.Locator("h1")).ToHaveTextAsync("Thông tin thí sinh");
        await Expect(candidate.Locator("#fullName")).ToHaveValueAsync("Lê Minh Khoa");
        await Expect(candidate.Locator("#cccd")).ToHaveValueAsync("001209004567");
        await Expect(candidate.Locator("#dateOfBirth")).ToHaveValueAsync("2009-09-02");
        await candidate.SelectOptionAsync("#gender", new SelectOptionValue { Label = "Nam" });
        await Expect(candidate.Locator("#birthCountry")).ToBeHiddenAsync();
        await candidate.CheckAsync("#bornAbroad");
        await Expect(candidate.Locator("#birthCountry")).ToBeVisibleAsync();
        await Expect(candidate.Locator("#birthProvince")).ToBeHiddenAsync();
        await candidate.UncheckAsync("#bornAbroad");
        await ChooseAsync(candidate, "birthProvince", "ha noi", "Thành phố Hà Nội");
        await ChooseAsync(candidate, "ethnicity", "kinh", "Kinh");
        await ChooseAsync(candidate, "residenceProvince", "ha noi", "Thành phố Hà Nội");
        await candidate.FillAsync("#residenceCommune", "Phường Ba Đình");
        await NoOverflowAsync(candidate);
        await SnapAsync(candidate, "phone-1-candidate");
        await candidate.ClickAsync("button[name=next]");

        // Page 2, council and schools: the school list is long; its quick search finds both Phan Đình Phùng schools.
        await candidate.WaitForURLAsync("**/pages/2");
        await ChooseAsync(candidate, "council", "ha noi", "Sở GD&ĐT Hà Nội");
        await candidate.SelectOptionAsync("#category", new SelectOptionValue { Label = "Học sinh lớp 12 năm học này (đăng ký tại trường đang học)" });
        // A council's name finds its schools: "ha tinh" lists Hà Tĩnh's two, under their group.
        await candidate.Locator("#school10-filter").PressSequentiallyAsync("ha tinh");
        Assert.Equal(["— Chọn —", "Trường THPT chuyên Hà Tĩnh", "Trường THPT Phan Đình Phùng – Hà Tĩnh"], await candidate.Locator("#school10 option").AllInnerTextsAsync());
        Assert.Equal(2, await candidate.Locator("#school10 optgroup[label='Sở GD&ĐT Hà Tĩnh'] option").CountAsync());
        await candidate.Locator("#school10-filter").FillAsync("");
        foreach (var school in new[] { "school10", "school11", "school12" })
        {
            await candidate.Locator($"#{school}-filter").PressSequentiallyAsync("phan dinh phung");
            Assert.Equal(["— Chọn —", "Trường THPT Phan Đình Phùng", "Trường THPT Phan Đình Phùng – Hà Tĩnh"],
                await candidate.Locator($"#{school} option").AllInnerTextsAsync());
            // Schools are listed under their council's name (groupedBy: exam-councils), the search keeping the groups it needs.
            Assert.Equal(["Sở GD&ĐT Hà Nội", "Sở GD&ĐT Hà Tĩnh"],
                await candidate.Locator($"#{school} optgroup").EvaluateAllAsync<string[]>("groups => groups.map(g => g.label)"));
            await candidate.SelectOptionAsync($"#{school}", new SelectOptionValue { Label = "Trường THPT Phan Đình Phùng" });
        }
        await Expect(candidate.Locator("#school12-hint")).ToHaveTextAsync("Học sinh lớp 12 năm nay: trường này xác nhận đăng ký.");
        await candidate.SelectOptionAsync("#priorityArea", new SelectOptionValue { Label = "Khu vực 3 (KV3)" });
        await candidate.SelectOptionAsync("#priorityGroup", new SelectOptionValue { Label = "Không thuộc đối tượng ưu tiên" });
        await NoOverflowAsync(candidate);
        await SnapAsync(candidate, "phone-2-schools");
        await candidate.ClickAsync("button[name=next]");

        // Page 3, the papers: three electives are refused on the page; the language appears with "Ngoại ngữ".
        await candidate.WaitForURLAsync("**/pages/3");
        await Expect(candidate.Locator("#papers")).ToBeHiddenAsync(); // candidates c and d only
        await Expect(candidate.Locator("#foreignLanguage")).ToBeHiddenAsync();
        await candidate.CheckAsync("#electives-LI");
        await candidate.CheckAsync("#electives-HOA");
        await candidate.CheckAsync("#electives-NN");
        await Expect(candidate.Locator("#foreignLanguage")).ToBeVisibleAsync();
        await candidate.SelectOptionAsync("#foreignLanguage", new SelectOptionValue { Label = "Tiếng Anh" });
        await candidate.ClickAsync("button[name=next]");
        await Expect(candidate.Locator("#error-summary a")).ToHaveTextAsync(["Chọn đúng 2 môn tự chọn khác nhau."], new() { UseInnerText = true });
        await Expect(candidate.Locator("#foreignLanguage")).ToHaveValueAsync("N1"); // kept
        await candidate.UncheckAsync("#electives-HOA");
        await Expect(candidate.Locator("#languageExempt")).ToBeVisibleAsync();
        await Expect(candidate.Locator("#exemptionCertificate")).ToBeHiddenAsync();
        await NoOverflowAsync(candidate);
        await SnapAsync(candidate, "phone-3-papers");
        await candidate.ClickAsync("button[name=next]");

        // Page 4, the photo (at least 400×600: a smaller one is refused) and the address for the results.
        await candidate.WaitForURLAsync("**/pages/4");
        await candidate.SetInputFilesAsync("#photo", Png("anh-nho.png", 300, 400));
        await candidate.FillAsync("#contactAddress", "Số 10 phố Quán Thánh, phường Ba Đình, Hà Nội");
        await candidate.ClickAsync("button[name=next]");
        await Expect(candidate.Locator("#photo-error")).ToContainTextAsync("400");
        await Expect(candidate.Locator("#contactAddress")).ToHaveValueAsync("Số 10 phố Quán Thánh, phường Ba Đình, Hà Nội"); // kept
        await candidate.SetInputFilesAsync("#photo", Png("anh-the.png", 400, 600)); // replaces the refused one
        await candidate.ClickAsync("button[name=next]");

        // Check the answers (names of the code lists, dd/MM/yyyy), declare, submit.
        await candidate.WaitForURLAsync("**/review");
        await Expect(candidate.Locator("#answer-dateOfBirth")).ToHaveTextAsync("02/09/2009");
        await Expect(candidate.Locator("#answer-council")).ToHaveTextAsync("Sở GD&ĐT Hà Nội");
        await Expect(candidate.Locator("#answer-school12")).ToHaveTextAsync("Trường THPT Phan Đình Phùng");
        await Expect(candidate.Locator("#answer-electives")).ToHaveTextAsync("Vật lí, Ngoại ngữ");
        await Expect(candidate.Locator("#answer-foreignLanguage")).ToHaveTextAsync("Tiếng Anh");
        await Expect(candidate.Locator("#answer-photo")).ToHaveTextAsync("anh-the.png");
        await Expect(candidate.Locator("#answer-exemptionCertificate")).ToHaveCountAsync(0);
        await NoOverflowAsync(candidate);
        await SnapAsync(candidate, "phone-4-review");
        await candidate.CheckAsync("#declaration");
        await candidate.ClickAsync("form[action$='/submit'] button[type=submit]");
        await candidate.WaitForURLAsync("**/dossiers/*");
        var code = candidate.Url[(candidate.Url.LastIndexOf('/') + 1)..];
        await Expect(candidate.Locator("main .alert-success")).ToHaveTextAsync($"Đã nộp hồ sơ. Mã hồ sơ của bạn là {code}.");
        await DrainAsync();
        await candidate.ReloadAsync();
        await Expect(candidate.Locator("main")).ToContainTextAsync("Trường xác nhận thông tin đăng ký");
        var edit = candidate.Locator("[data-testid=edit]");
        await Expect(edit).ToContainTextAsync("Bạn có thể sửa đến 28/04/2027 17:00 (giờ Việt Nam)");
        await NoOverflowAsync(candidate);
        await SnapAsync(candidate, "phone-5-dossier");

        // A change within the window, on the registration's pages (one at a time, every one saved together).
        await edit.GetByRole(AriaRole.Link, new() { Name = "Sửa thông tin đăng ký" }).ClickAsync();
        await candidate.WaitForURLAsync($"**/dossiers/{code}/edit");
        await Expect(candidate.Locator("h1")).ToHaveTextAsync($"Sửa thông tin đăng ký — hồ sơ {code}");
        await Expect(candidate.Locator("[data-testid=progress]")).ToHaveTextAsync("Bước 1/4");
        await Expect(candidate.Locator("main h2:visible")).ToHaveTextAsync(["Thông tin thí sinh"]);
        await Expect(candidate.Locator("#fullName")).ToHaveValueAsync("Lê Minh Khoa");
        await Expect(candidate.Locator("#birthCountry")).ToBeHiddenAsync();
        await candidate.CheckAsync("#bornAbroad");
        await Expect(candidate.Locator("#birthCountry")).ToBeVisibleAsync();
        await candidate.UncheckAsync("#bornAbroad");
        await candidate.ClickAsync("text=Trang sau ›");
        await Expect(candidate.Locator("[data-testid=progress]")).ToHaveTextAsync("Bước 2/4");
        await Expect(candidate.Locator("main h2:visible")).ToHaveTextAsync(["Nơi đăng ký và trường học"]);
        await Expect(candidate.Locator("#school12")).ToHaveValueAsync("01-001");
        await Expect(candidate.Locator("#school12-filter")).ToBeVisibleAsync(); // the quick search here too
        await candidate.ClickAsync("text=Trang sau ›");
        await Expect(candidate.Locator("main h2:visible")).ToHaveTextAsync(["Bài thi"]);
        await Expect(candidate.Locator("#papers")).ToBeHiddenAsync();
        await Expect(candidate.Locator("#foreignLanguage")).ToHaveValueAsync("N1");
        await candidate.UncheckAsync("#electives-NN");
        await Expect(candidate.Locator("#foreignLanguage")).ToBeHiddenAsync();
        await candidate.CheckAsync("#electives-NN");
        await Expect(candidate.Locator("#foreignLanguage")).ToBeVisibleAsync();
        await NoOverflowAsync(candidate);
        await SnapAsync(candidate, "phone-6-edit");

        // The English switch (in the phone's menu, a button of the edit form: what was typed comes along) shows the same
        // form in English, and back.
        await JourneyPages.OpenPhoneMenuAsync(candidate);
        await candidate.ClickAsync("header button[name=language][value=en]");
        await Expect(candidate.Locator("h1")).ToHaveTextAsync($"Change the registration — dossier {code}");
        await Expect(candidate.Locator("[data-testid=progress]")).ToHaveTextAsync("Step 1 of 4");
        await Expect(candidate.Locator("main h2:visible")).ToHaveTextAsync(["The candidate"]);
        await Expect(candidate.Locator("label[for=school12]")).ToHaveTextAsync("School in grade 12");
        await JourneyPages.OpenPhoneMenuAsync(candidate);
        await candidate.ClickAsync("header button[name=language][value=vi]");
        await Expect(candidate.Locator("h1")).ToHaveTextAsync($"Sửa thông tin đăng ký — hồ sơ {code}");

        // One elective only: refused, back on the page of the papers with the reason; then Chemistry instead of Physics.
        await candidate.ClickAsync("text=Trang sau ›");
        await candidate.ClickAsync("text=Trang sau ›");
        await candidate.UncheckAsync("#electives-LI");
        await candidate.ClickAsync("form[action$='/edit'] button[type=submit]");
        await Expect(candidate.Locator("#error-summary a")).ToHaveTextAsync(["Chọn đúng 2 môn tự chọn khác nhau."], new() { UseInnerText = true });
        await Expect(candidate.Locator("[data-testid=progress]")).ToHaveTextAsync("Bước 3/4");
        await Expect(candidate.Locator("#electives-NN")).ToBeCheckedAsync();
        await Expect(candidate.Locator("#electives-LI")).Not.ToBeCheckedAsync();
        await candidate.CheckAsync("#electives-HOA");
        await candidate.ClickAsync("form[action$='/edit'] button[type=submit]");
        await candidate.WaitForURLAsync($"**/dossiers/{code}");
        await Expect(candidate.Locator("main .alert-success")).ToHaveTextAsync($"Đã lưu thông tin đăng ký mới của hồ sơ {code}; hồ sơ được xét lại.");
        await DrainAsync();

        // The school's officer, on a desktop: the class in the queue, all ticked, verified in one action.
        var officer = await NewPageAsync(Desktop);
        await SignInOfficialAsync(officer, "truong.pdp@demo.gov.vn");
        await officer.ClickAsync("nav a[href='/work']");
        await officer.SelectOptionAsync("#procedure", new SelectOptionValue { Label = "Đăng ký dự thi tốt nghiệp trung học phổ thông" });
        await officer.ClickAsync("form[role=search] button");
        await Expect(officer.Locator("[data-testid=total]")).ToHaveTextAsync($"{Classmates + 1} công việc");
        var mine = officer.Locator("tr[data-task]", new() { HasText = code });
        await Expect(mine).ToContainTextAsync("Lê Minh Khoa");
        await Expect(mine).ToContainTextAsync("Trường xác nhận thông tin đăng ký");
        await officer.CheckAsync("#select-page");
        await Expect(officer.Locator("tr[data-task] input[name=ids]:checked")).ToHaveCountAsync(Classmates + 1);
        await officer.SelectOptionAsync("#outcome", new SelectOptionValue { Label = "Xác nhận" });
        await SnapAsync(officer, "queue-bulk-verify");
        await officer.ClickAsync("#bulk-form button[type=submit]");
        await Expect(officer.Locator("[data-testid=bulk-summary]")).ToHaveTextAsync($"Đã xử lý {Classmates + 1}; không xử lý được 0.");
        await DrainAsync();
        await officer.Context.CloseAsync();
        await candidate.Context.CloseAsync();

        // After the window: the council locks the lists (numbers, rooms, admission notices), as `signal send` does.
        portal.Clock.JumpTo(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        using (var scope = portal.Services.CreateScope())
        {
            var broadcaster = scope.ServiceProvider.GetRequiredService<SignalBroadcaster>();
            var job = await broadcaster.StartAsync("registration-locked", "2027", CancellationToken.None);
            await broadcaster.RunAsync(job, 100, null, CancellationToken.None);
        }
        await DrainAsync();
        candidate = await NewPageAsync(Phone);
        await SignInAsync(candidate, Email);
        await candidate.GotoAsync($"{portal.BaseUrl}/dossiers/{code}");
        var notice = Normalise(Poppler.PdfToText(await DownloadAsync(candidate, "Giấy báo dự thi")));
        var number = Regex.Match(notice, @"SỐ BÁO DANH: (01\d{6})").Groups[1].Value;
        Assert.True(number.Length == 8, notice);
        foreach (var text in new[] { "Lê Minh Khoa", "1 Toán Bắt buộc", "2 Ngữ văn Bắt buộc", "3 Hóa học Tự chọn", "4 Tiếng Anh Tự chọn" })
            Assert.Contains(text, notice);
        await candidate.Context.CloseAsync();

        // Scores imported and the results published at 08:00 on 16/07/2027, as `scores import` and `results publish` do.
        var publication = new DateTimeOffset(2027, 7, 16, 8, 0, 0, TimeSpan.FromHours(7));
        using (var scope = portal.Services.CreateScope())
        {
            var scores = Path.Combine(Path.GetTempPath(), $"scores-{Guid.NewGuid():N}.csv");
            await File.WriteAllLinesAsync(scores,
                ["candidate_number,subject,score", $"{number},TOAN,8.25", $"{number},VAN,7", $"{number},HOA,9.5", $"{number},N1,6.75", $"{number},DTB,8.1"]);
            var imported = await scope.ServiceProvider.GetRequiredService<ScoreImport>().RunAsync(new ScoreImportOptions(2027, scores), null, CancellationToken.None);
            Assert.Equal(ScoreImportOutcome.Imported, imported.Outcome);
            File.Delete(scores);
            await scope.ServiceProvider.GetRequiredService<ResultPublication>().ScheduleAsync(2027, publication, CancellationToken.None);
        }
        portal.Clock.JumpTo(publication.AddMinutes(1));
        using (var scope = portal.Services.CreateScope())
        {
            var work = scope.ServiceProvider.GetServices<IBackgroundWork>().OfType<ScheduledBroadcastWork>().Single();
            while (await work.RunOnceAsync("browser-test", CancellationToken.None) > 0)
            {
            }
        }
        await DrainAsync();

        // Anyone looks the result up by candidate number, on a phone, without signing in.
        var visitor = await NewPageAsync(Phone);
        await visitor.GotoAsync(portal.BaseUrl + "/results");
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Tra cứu kết quả thi tốt nghiệp THPT");
        await Expect(visitor.Locator("#exam")).ToHaveValueAsync("2027");
        await visitor.FillAsync("#number", number);
        await visitor.ClickAsync("form[role=search] button");
        var found = visitor.Locator("[data-testid=results-status]");
        await Expect(found).ToHaveAttributeAsync("data-status", "found");
        await Expect(found.Locator("h2")).ToHaveTextAsync($"Số báo danh {number} — kỳ thi 2027");
        await Expect(found.Locator("tbody tr")).ToHaveTextAsync(["Toán 8,25", "Ngữ văn 7,00", "Hóa học 9,50", "Tiếng Anh 6,75"]);
        await Expect(found).ToContainTextAsync("Điểm trung bình lớp 10–12: 8,10");
        await NoOverflowAsync(visitor);
        await SnapAsync(visitor, "phone-7-result");
        await visitor.Context.CloseAsync();

        // The candidate downloads the result certificate: (8.25 + 7 + 9.5 + 6.75) / 4 × 0.5 + 8.1 × 0.5 = 7.9875 → 7.99.
        candidate = await NewPageAsync(Phone);
        await SignInAsync(candidate, Email);
        await candidate.GotoAsync($"{portal.BaseUrl}/dossiers/{code}");
        await Expect(candidate.Locator("[data-testid=status]")).ToHaveTextAsync("Đã có kết quả");
        var timeline = candidate.Locator("[data-testid=timeline]");
        await Expect(timeline).ToContainTextAsync("Người nộp sửa thông tin đăng ký");
        await Expect(timeline).ToContainTextAsync("Trường xác nhận thông tin đăng ký — Xác nhận");
        await Expect(timeline).ToContainTextAsync("Cấp giấy chứng nhận kết quả thi");
        await Expect(timeline).Not.ToContainTextAsync("— true"); // the engine's own outcomes are not shown
        await Expect(timeline).Not.ToContainTextAsync("exam-registered");
        await Expect(timeline).Not.ToContainTextAsync("Edited by the applicant");
        var certificate = Normalise(Poppler.PdfToText(await DownloadAsync(candidate, "Giấy chứng nhận kết quả thi tốt nghiệp THPT")));
        foreach (var text in new[] { "GIẤY CHỨNG NHẬN KẾT QUẢ THI", $"Số báo danh: {number}", "Lê Minh Khoa", "1 Toán 8,25", "3 Hóa học 9,5",
                     "Điểm xét tốt nghiệp: 7,99", "Kết quả: Đủ điều kiện công nhận tốt nghiệp THPT" })
            Assert.Contains(text, certificate);
        await NoOverflowAsync(candidate);
        Assert.Empty(scriptErrors);
    }

    /// <summary>Narrows a long code list with its quick search (no tone marks needed) and picks <paramref name="label"/>.</summary>
    private static async Task ChooseAsync(IPage page, string field, string typed, string label)
    {
        await page.Locator($"#{field}-filter").PressSequentiallyAsync(typed);
        await Expect(page.Locator($"#{field} option", new() { HasText = label })).ToHaveCountAsync(1);
        await page.SelectOptionAsync($"#{field}", new SelectOptionValue { Label = label });
    }

    /// <summary>Nothing wider than the screen: no sideways scrolling on a phone.</summary>
    private static async Task NoOverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url}: the page is {widths[0]} px wide on a {widths[1]} px screen");
    }

    private async Task<byte[]> DownloadAsync(IPage page, string title)
    {
        var document = page.Locator("[data-testid=documents] li", new() { HasText = title });
        var download = await page.RunAndWaitForDownloadAsync(() => document.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        var pdf = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return pdf;
    }

    private async Task CreateApplicantAsync(string email, string name, string cccd, DateOnly born)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var created = await users.CreateAsync(new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = name, Cccd = cccd, DateOfBirth = born,
            PhoneNumber = "0912345678", CreatedAt = portal.Clock.GetUtcNow(),
        }, DemoSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>The rest of the class of Phan Đình Phùng, submitted through the same service as the API and the pages.</summary>
    private async Task RegisterClassmatesAsync()
    {
        for (var i = 1; i <= Classmates; i++)
        {
            var cccd = $"0013090{i:D5}";
            var email = $"hs{i:D2}.pdp@example.com";
            await CreateApplicantAsync(email, $"Học sinh {i:D2}", cccd, new DateOnly(2009, 1, i));
            using var scope = portal.Services.CreateScope();
            var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
            var (photo, error) = await scope.ServiceProvider.GetRequiredService<AttachmentService>()
                .UploadAsync(userId, "photo.png", new MemoryStream(SampleScans.Png(400, 600, (40, 80, 160))), CancellationToken.None);
            Assert.True(photo is not null, error?.Vi);
            var data = new JsonObject
            {
                ["fullName"] = $"Học sinh {i:D2}", ["dateOfBirth"] = $"2009-01-{i:D2}", ["gender"] = i % 2 == 0 ? "male" : "female", ["cccd"] = cccd,
                ["birthProvince"] = "001", ["ethnicity"] = "01", ["phone"] = "0912345678", ["email"] = email,
                ["residenceProvince"] = "001", ["residenceCommune"] = "Phường Ba Đình",
                ["council"] = "01", ["category"] = "a", ["school10"] = "01-001", ["school11"] = "01-001", ["school12"] = "01-001",
                ["priorityArea"] = "KV3", ["priorityGroup"] = "none", ["electives"] = new JsonArray("SU", "DIA"),
                ["photo"] = new JsonArray(photo!.Id.ToString()), ["contactAddress"] = "Số 1 phố Hàng Bài, Hà Nội",
            };
            var result = await scope.ServiceProvider.GetRequiredService<DossierSubmission>()
                .SubmitAsync(userId, "exam-registration", data, $"classmate-{i}", Declaration.Of("Tôi cam đoan", "I declare"), CancellationToken.None);
            Assert.True(result.Dossier is not null, string.Join("; ", result.Errors.Select(e => $"{e.FieldId}: {e.Message.Vi}")));
        }
        await DrainAsync();
    }

    private Task<IPage> NewPageAsync(ViewportSize viewport) => portal.NewPageAsync(viewport, scriptErrors);

    private async Task SignInAsync(IPage page, string email)
    {
        await portal.SubmitPasswordAsync(page, email);
        try { await page.WaitForURLAsync(portal.BaseUrl + "/"); }
        catch (TimeoutException) { throw new Exception(page.Url + "\n" + await page.InnerTextAsync("main")); }
    }

    /// <summary>An official: password, then the code of the demo authenticator.</summary>
    private Task SignInOfficialAsync(IPage page, string email) => portal.SignInOfficialAsync(page, email);

    private Task DrainAsync() => portal.DrainOutboxAsync();

    private static Task SnapAsync(IPage page, string name) => JourneyPages.SnapAsync(page, ImageFolder, name);

    private static FilePayload Png(string name, int width, int height) =>
        new() { Name = name, MimeType = "image/png", Buffer = SampleScans.Png(width, height, (200, 210, 230)) };

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ");
}
