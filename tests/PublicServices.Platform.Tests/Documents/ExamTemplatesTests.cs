using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Tests;

namespace PublicServices.Platform.Tests.Documents;

/// <summary>
/// The graduation-exam documents: each template renders its sample on one A4 page with every Vietnamese string intact
/// (double marks included: "Kỳ thi tốt nghiệp", "Ngữ văn", "Điểm xét tốt nghiệp") and declares exactly the placeholders
/// the exam workflow binds; a sample image of each is written to docs/images for people to look at.
/// </summary>
public sealed class ExamTemplatesTests
{
    private readonly DocumentTemplateCatalog catalog = DocumentSamples.Catalog();

    [Fact]
    public void The_admission_notice_prints_the_candidate_number_the_room_and_the_subjects()
    {
        var text = RenderOnOnePage("admission-notice", Named("admission-notice", ExamSampleData.AdmissionNotice()));

        AssertPrints(text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI",
            "Số: 1523/2027/GBDT", "Hà Nội, ngày 28 tháng 05 năm 2027",
            "GIẤY BÁO DỰ THI", "KỲ THI TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG NĂM 2027", "SỐ BÁO DANH: 01000123",
            "Họ và tên thí sinh: Nguyễn Thị Hồng Nhung", "Ngày sinh, giới tính: 15/03/2009 – Nữ", "Số CCCD: 001309012345",
            "Hội đồng thi: Sở GD&ĐT Hà Nội",
            "Điểm thi: Trường THPT Chu Văn An, 10 Thụy Khuê, Hà Nội", "Phòng thi: Phòng 006",
            "Bài thi/Môn thi đăng ký", "1 Toán Bắt buộc", "2 Ngữ văn Bắt buộc", "3 Vật lí Tự chọn", "4 Tiếng Anh Tự chọn",
            "Lịch thi: 10/6/2027, 14:00: làm thủ tục dự thi", "11/6/2027: sáng Ngữ văn, chiều Toán", "12/6/2027, sáng: hai môn tự chọn",
            "Lưu ý: mang theo Giấy báo dự thi và Căn cước công dân", "không mang điện thoại, thiết bị thu phát vào phòng thi",
            "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký số)", "Phan Thị Lãnh", "Mã tra cứu: D7QK-4MZP",
            "Tra cứu văn bản tại https://dichvucong.demo.gov.vn/verify/D7QK-4MZP", "Trang 1/1");
    }

    [Fact]
    public void The_result_certificate_prints_the_score_table_the_graduation_score_and_the_result()
    {
        var text = RenderOnOnePage("exam-result-certificate", Named("exam-result-certificate", ExamSampleData.ExamResultCertificate()));

        AssertPrints(text,
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", "Số: 8801/2027/GCNKQ", "Hà Nội, ngày 16 tháng 07 năm 2027",
            "GIẤY CHỨNG NHẬN KẾT QUẢ THI", "KỲ THI TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG NĂM 2027",
            "Họ và tên: Nguyễn Thị Hồng Nhung", "Ngày sinh: 15/03/2009", "Số báo danh: 01000123", "Hội đồng thi: Sở GD&ĐT Hà Nội",
            "Điểm các bài thi, môn thi:", "STT", "Bài thi/Môn thi", "Điểm", "Ghi chú",
            "1 Toán 7,50", "2 Ngữ văn 6,75", "3 Vật lí 8,25", "4 Tiếng Anh 10,00", "Phúc khảo", "Miễn thi",
            "Khu vực ưu tiên: KV2-NT (cộng 0,5 điểm)", "Đối tượng ưu tiên: Không",
            "Điểm học tập lớp 10–12: 7,10", "Điểm xét tốt nghiệp: 8,11",
            "Kết quả: Đủ điều kiện công nhận tốt nghiệp THPT",
            "Ghi chú: Cấp lại sau phúc khảo, thay thế Giấy chứng nhận số 8800/2027/GCNKQ ngày 16/07/2027: điểm Ngữ văn từ 6,25 thành 6,75.",
            "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký số)", "Phan Thị Lãnh", "Mã tra cứu: K3RW-9TNB", "Trang 1/1");
    }

    [Theory]
    [InlineData("admission-notice", "GBDT", "examYear candidateNumber holderName dateOfBirth gender cccd council examSite room papers timetable signerTitle signerName")]
    [InlineData("exam-result-certificate", "GCNKQ", "examYear candidateNumber holderName dateOfBirth council scores priorityArea priorityGroup record graduationScore result remarkNote signerTitle signerName")]
    public void A_workflow_binds_exactly_the_placeholders_listed_in_the_templates_header(string id, string suffix, string bound)
    {
        string[] issuer = ["agency", "parentAgency", "place", "number", "issuedAt", "verifyUrl", "verifyCode", "dossierCode", "procedure", "submittedAt", "dueDate", "signerName"];
        var template = catalog.Get(id);
        var header = File.ReadAllText(RepoPaths.InRepo("templates", "documents", id + ".yaml"));

        Assert.Equal(bound.Split(' ').Except(issuer).Order(StringComparer.Ordinal), template.Placeholders.Except(issuer).Order(StringComparer.Ordinal));
        Assert.All(bound.Split(' '), name => Assert.Matches(@"#\s+" + name + @"\s", header));
        Assert.Equal(suffix, template.NumberSuffix);
    }

    /// <summary>Writes docs/images/&lt;template&gt;-sample.png (pdftoppm -png -r 60) for people to look at.</summary>
    [Theory]
    [InlineData("admission-notice")]
    [InlineData("exam-result-certificate")]
    public void The_sample_image_is_written(string id)
    {
        var model = Named(id, id == "admission-notice" ? ExamSampleData.AdmissionNotice() : ExamSampleData.ExamResultCertificate());
        var pdf = DocumentSamples.Renderer.Render(catalog.Get(id), model);
        // The documentation's image is refreshed on request only (as the browser screenshots): a test run leaves the repository alone.
        var target = Environment.GetEnvironmentVariable("PUBLICSERVICES_SCREENSHOTS") == "1"
            ? RepoPaths.InRepo("docs", "images", id + "-sample.png")
            : Path.Combine(Path.GetTempPath(), $"{id}-{Guid.NewGuid():N}.png");

        Poppler.FirstPageToPng(pdf, 60, target);

        Assert.True(new FileInfo(target).Length > 10_000);
    }

    /// <summary>Subject codes in the table made names, as the issuing handler does with the repository's code lists.</summary>
    private Dictionary<string, object?> Named(string id, Dictionary<string, object?> model)
    {
        var errors = new List<DefinitionError>();
        DocumentModel.NameCodes(catalog.Get(id), model, CodeListCatalog.LoadDirectory(RepoPaths.InRepo("workflows", "codelists"), errors));
        Assert.Empty(errors);
        return model;
    }

    private string RenderOnOnePage(string id, Dictionary<string, object?> model)
    {
        var pdf = DocumentSamples.Renderer.Render(catalog.Get(id), model);
        var raw = Poppler.PdfToText(pdf);
        Assert.Single(raw.Split('\f'), page => page.Trim().Length > 0);
        return string.Join(" ", raw.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AssertPrints(string text, params string[] expected)
    {
        foreach (var line in expected)
            Assert.Contains(line, text, StringComparison.Ordinal);
    }
}
