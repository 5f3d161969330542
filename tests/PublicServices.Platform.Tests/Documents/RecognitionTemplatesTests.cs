using System.Text;
using PublicServices.Platform.Documents;
using PublicServices.Tests;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Documents;

/// <summary>
/// The degree-recognition documents and code lists: each template renders its sample on one A4 page with every
/// Vietnamese string intact, declares exactly the placeholders workflows bind, and the code lists load.
/// </summary>
public sealed class RecognitionTemplatesTests
{
    private readonly DocumentTemplateCatalog catalog = DocumentSamples.Catalog();

    [Fact]
    public void The_recognition_certificate_prints_the_degree_and_its_equivalence()
    {
        var text = RenderOnOnePage("recognition-certificate", RecognitionSampleData.RecognitionCertificate());

        AssertPrints(text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
            "TRUNG TÂM CÔNG NHẬN VĂN BẰNG (VN-NARIC)", "Số: 15/2026/CNVB", "Hà Nội, ngày 20 tháng 01 năm 2026",
            "GIẤY CÔNG NHẬN VĂN BẰNG",
            "Căn cứ Thông tư số 13/2021/TT-BGDĐT ngày 15 tháng 4 năm 2021",
            "Xét hồ sơ mã NARIC-260105-0012 nộp ngày 05/01/2026,",
            "Trung tâm Công nhận văn bằng (VN-NARIC) công nhận văn bằng của Ông/Bà Trần Văn Bình, sinh ngày 14/09/1995, như sau:",
            "Tên văn bằng (nguyên văn): Master of Science in Data Science", "Tên văn bằng (tiếng Việt): Thạc sĩ Khoa học dữ liệu",
            "Cơ sở giáo dục cấp bằng: University of Melbourne", "Quốc gia: Ô-xtrây-li-a", "Ngày cấp bằng: 12/12/2025",
            "Trình độ tương đương: Bậc 7 – Thạc sĩ theo Khung trình độ quốc gia Việt Nam",
            "Giấy công nhận này được sử dụng kèm theo văn bằng nêu trên.",
            "Ghi chú: Chương trình đào tạo tập trung tại cơ sở đào tạo ở nước ngoài, thời gian học 2 năm (2023–2025).",
            "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký số)", "Lê Quang Duyệt", "Mã tra cứu: R7VN-3KQ8",
            "Tra cứu văn bản tại https://dichvucong.demo.gov.vn/verify/R7VN-3KQ8", "Trang 1/1");
    }

    [Fact]
    public void The_receipt_slip_lists_the_documents_and_the_appointment()
    {
        var text = RenderOnOnePage("receipt-slip", RecognitionSampleData.ReceiptSlip());

        AssertPrints(text,
            "Số: 3/2026/TNHS", "Hà Nội, ngày 05 tháng 01 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "Mã hồ sơ: NARIC-260105-0012", "Người nộp hồ sơ: Trần Văn Bình",
            "Thủ tục hành chính: Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp",
            "Hình thức nộp: Trực tuyến qua Cổng Dịch vụ công", "Ngày nhận hồ sơ: 05/01/2026",
            "Thời hạn giải quyết: 20 ngày làm việc", "Ngày hẹn trả kết quả: 02/02/2026",
            "Thành phần hồ sơ đã nhận:", "STT", "Tên giấy tờ", "Hình thức", "Đơn đề nghị công nhận văn bằng",
            "Quyết định nhập học; trang hộ chiếu có dấu xuất cảnh, nhập cảnh", "Biểu mẫu điện tử", "Bản sao điện tử",
            "Ngày hẹn trả kết quả có thể thay đổi nếu hồ sơ phải bổ sung, hoàn thiện: thời gian chờ bổ sung không tính",
            "NGƯỜI TIẾP NHẬN HỒ SƠ", "Nguyễn Văn Tiếp", "Mã tra cứu: H2PD-8WXM");
        foreach (var number in new[] { "1", "2", "3", "4", "5" })
            Assert.Matches($@"(^|\s){number}\s", text);
    }

    [Fact]
    public void The_supplement_letter_gives_the_reason_what_to_add_and_the_deadline()
    {
        var text = RenderOnOnePage("supplement-letter", RecognitionSampleData.SupplementLetter());

        AssertPrints(text,
            "Số: 7/2026/YCBS", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "Kính gửi: Ông/Bà Trần Văn Bình.",
            "hồ sơ mã NARIC-260105-0012 về thủ tục \"Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp\" nộp ngày 05/01/2026.",
            "1. Lý do:", "Bản dịch bảng điểm chưa được chứng thực; trang hộ chiếu có dấu nhập cảnh năm 2023 bị mờ",
            "2. Nội dung cần bổ sung, hoàn thiện:", "- Bản dịch tiếng Việt của bảng điểm có chứng thực.",
            "- Ảnh chụp rõ nét các trang hộ chiếu có dấu xuất cảnh, nhập cảnh trong thời gian học.",
            "3. Thời hạn bổ sung: 30 ngày kể từ ngày nhận Phiếu này.",
            "Thời gian chờ bổ sung không tính vào thời hạn giải quyết hồ sơ; quá thời hạn trên mà hồ sơ chưa được bổ sung",
            "TL. GIÁM ĐỐC", "TRƯỞNG PHÒNG", "Trần Thị Thẩm", "Mã tra cứu: M4TZ-Q9RC");
    }

    [Fact]
    public void The_fee_receipt_prints_the_amount_in_figures_and_words()
    {
        var text = RenderOnOnePage("fee-receipt", RecognitionSampleData.FeeReceipt());

        AssertPrints(text,
            "Số: 4/2026/BLTP", "Hà Nội, ngày 05 tháng 01 năm 2026", "BIÊN LAI THU PHÍ, LỆ PHÍ", "(Biên lai điện tử)",
            "Đơn vị thu:", "Người nộp: Trần Văn Bình", "Mã hồ sơ: NARIC-260105-0012",
            "Phí công nhận văn bằng do cơ sở giáo dục nước ngoài cấp", "Số tiền: 500.000 đồng",
            "Viết bằng chữ: Năm trăm nghìn đồng", "Thanh toán trực tuyến qua cổng VNPay", "Mã giao dịch: VNP14523678",
            "Ngày thu: 05/01/2026", "ĐƠN VỊ THU PHÍ", "Bùi Văn Thu", "Mã tra cứu: B6FW-2NJA");
    }

    [Theory]
    [InlineData("recognition-certificate", "CNVB", "holderName dateOfBirth degreeTitleOriginal degreeTitleVi awardingInstitution country awardDate vqfLevel note signerTitle")]
    [InlineData("receipt-slip", "TNHS", "applicantName documents processingTime signerTitle signerName")]
    [InlineData("supplement-letter", "YCBS", "applicantName reason missingItems supplementDeadline signerTitle")]
    [InlineData("fee-receipt", "BLTP", "payerName feeName amount amountInWords paymentMethod transactionRef signerTitle signerName")]
    public void A_workflow_binds_exactly_the_placeholders_listed_in_the_templates_header(string id, string suffix, string bound)
    {
        // What the issuer fills itself; signerName as well where the step signs with `signedBy`.
        string[] issuer = ["agency", "parentAgency", "place", "number", "issuedAt", "verifyUrl", "verifyCode", "dossierCode", "procedure", "submittedAt", "dueDate", "signerName"];
        var template = catalog.Get(id);
        var header = File.ReadAllText(RepoPaths.InRepo("templates", "documents", id + ".yaml"));

        var toBind = template.Placeholders.Except(issuer).Order(StringComparer.Ordinal).ToList();
        var expected = bound.Split(' ').Except(issuer).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, toBind);
        Assert.All(bound.Split(' '), name => Assert.Contains("#   " + name + " ", header, StringComparison.Ordinal));
        Assert.Equal(suffix, template.NumberSuffix);
    }

    [Fact]
    public void The_recognition_code_lists_load_with_Vietnamese_and_English_names()
    {
        var errors = new List<DefinitionError>();
        var lists = CodeListCatalog.LoadDirectory(RepoPaths.InRepo("workflows", "codelists"), errors);
        Assert.Empty(errors);

        var countries = lists.Find("countries")!;
        Assert.Equal("Quốc gia, vùng lãnh thổ", countries.Title.Vi);
        Assert.Equal(248, countries.Items.Count); // ISO 3166-1 less VN
        Assert.DoesNotContain(countries.Items, c => c.Code == "VN");
        Assert.All(countries.Items, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.All(countries.Items, c => Assert.True(c.Name.Vi.IsNormalized(NormalizationForm.FormC), c.Code));
        foreach (var (code, vi) in new[]
        {
            ("US", "Hoa Kỳ"), ("GB", "Vương quốc Anh"), ("RU", "Liên bang Nga"), ("KR", "Hàn Quốc"), ("JP", "Nhật Bản"),
            ("AU", "Ô-xtrây-li-a"), ("DE", "Cộng hòa Liên bang Đức"), ("FR", "Pháp"), ("NO", "Na Uy"), ("TW", "Đài Loan (Trung Quốc)"),
        })
            Assert.Equal(vi, countries.Find(code)?.Name.Vi);

        Assert.Equal(["bachelor", "master", "doctor", "school"], lists.Find("degree-levels")!.Items.Select(i => i.Code));
        Assert.Equal("Thạc sĩ", lists.Find("degree-levels")!.Find("master")!.Name.Vi);
        var vqf = lists.Find("vqf-levels")!;
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], vqf.Items.Select(i => i.Code));
        Assert.Equal(["Bậc 6 – Đại học", "Bậc 7 – Thạc sĩ", "Bậc 8 – Tiến sĩ"], vqf.Items.Skip(5).Select(i => i.Name.Vi));
        Assert.Equal(["onsite", "branch", "online"], lists.Find("study-modes")!.Items.Select(i => i.Code));
    }

    /// <summary>Writes docs/images/recognition-certificate-sample.png (pdftoppm -png -r 70) for people to look at.</summary>
    [Fact]
    public void The_recognition_certificate_sample_image_is_written()
    {
        var pdf = DocumentSamples.Renderer.Render(catalog.Get("recognition-certificate"), RecognitionSampleData.RecognitionCertificate());
        var target = RepoPaths.InRepo("docs", "images", "recognition-certificate-sample.png");

        Poppler.FirstPageToPng(pdf, 70, target);

        Assert.True(new FileInfo(target).Length > 10_000);
    }

    /// <summary>The document's text with every run of spaces and line breaks made one space; it must fit one page.</summary>
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
