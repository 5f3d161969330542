namespace PublicServices.Tests;

/// <summary>
/// Sample models of the degree-recognition documents (templates/documents/recognition-certificate, receipt-slip,
/// supplement-letter, fee-receipt): the values a dossier of the demo applicant Trần Văn Bình would give, with what the
/// issuer fills itself (agency, number, dates, verification code) as the issuing handler fills it.
/// </summary>
internal static class RecognitionSampleData
{
    public static Dictionary<string, object?> RecognitionCertificate() => new(Issued("15/2026/CNVB", "R7VN-3KQ8"))
    {
        ["holderName"] = "Trần Văn Bình",
        ["dateOfBirth"] = new DateOnly(1995, 9, 14),
        ["degreeTitleOriginal"] = "Master of Science in Data Science",
        ["degreeTitleVi"] = "Thạc sĩ Khoa học dữ liệu",
        ["awardingInstitution"] = "University of Melbourne",
        ["country"] = "Ô-xtrây-li-a",
        ["awardDate"] = new DateOnly(2025, 12, 12),
        ["vqfLevel"] = "Bậc 7 – Thạc sĩ",
        ["note"] = "Chương trình đào tạo tập trung tại cơ sở đào tạo ở nước ngoài, thời gian học 2 năm (2023–2025).",
        ["signerTitle"] = "KT. Giám đốc\nPhó Giám đốc",
        ["signerName"] = "Lê Quang Duyệt",
    };

    public static Dictionary<string, object?> ReceiptSlip() => new(Issued("3/2026/TNHS", "H2PD-8WXM"))
    {
        ["issuedAt"] = new DateTime(2026, 1, 5, 8, 42, 0),
        ["procedure"] = "Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp",
        ["dueDate"] = new DateOnly(2026, 2, 2),
        ["applicantName"] = "Trần Văn Bình",
        ["documents"] = new List<Dictionary<string, object?>>
        {
            Document("Đơn đề nghị công nhận văn bằng", "Biểu mẫu điện tử"),
            Document("Bản sao văn bằng và bản dịch tiếng Việt có chứng thực", "Bản sao điện tử"),
            Document("Bảng điểm hoặc phụ lục văn bằng và bản dịch", "Bản sao điện tử"),
            Document("Quyết định nhập học; trang hộ chiếu có dấu xuất cảnh, nhập cảnh", "Bản sao điện tử"),
            Document("Văn bản đồng ý cho cơ quan xác minh thông tin văn bằng", "Biểu mẫu điện tử"),
        },
        ["processingTime"] = "20 ngày làm việc",
        ["signerTitle"] = "Người tiếp nhận hồ sơ",
        ["signerName"] = "Nguyễn Văn Tiếp",
    };

    public static Dictionary<string, object?> SupplementLetter() => new(Issued("7/2026/YCBS", "M4TZ-Q9RC"))
    {
        ["applicantName"] = "Trần Văn Bình",
        ["reason"] = "Bản dịch bảng điểm chưa được chứng thực; trang hộ chiếu có dấu nhập cảnh năm 2023 bị mờ, không đọc được ngày.",
        ["missingItems"] = "- Bản dịch tiếng Việt của bảng điểm có chứng thực.\n- Ảnh chụp rõ nét các trang hộ chiếu có dấu xuất cảnh, nhập cảnh trong thời gian học.",
        ["supplementDeadline"] = "30 ngày kể từ ngày nhận Phiếu này",
        ["signerTitle"] = "TL. Giám đốc\nTrưởng phòng",
        ["signerName"] = "Trần Thị Thẩm",
    };

    public static Dictionary<string, object?> FeeReceipt() => new(Issued("4/2026/BLTP", "B6FW-2NJA"))
    {
        ["issuedAt"] = new DateTime(2026, 1, 5, 9, 3, 0),
        ["payerName"] = "Trần Văn Bình",
        ["feeName"] = "Phí công nhận văn bằng do cơ sở giáo dục nước ngoài cấp",
        ["amount"] = "500.000",
        ["amountInWords"] = "Năm trăm nghìn đồng",
        ["paymentMethod"] = "Thanh toán trực tuyến qua cổng VNPay",
        ["transactionRef"] = "VNP14523678",
        ["signerTitle"] = "Đơn vị thu phí",
        ["signerName"] = "Bùi Văn Thu",
    };

    /// <summary>What the issuer fills itself for a dossier of the recognition centre.</summary>
    private static Dictionary<string, object?> Issued(string number, string code) => new()
    {
        ["agency"] = "Trung tâm Công nhận văn bằng (VN-NARIC)",
        ["parentAgency"] = "Bộ Giáo dục và Đào tạo",
        ["place"] = "Hà Nội",
        ["number"] = number,
        ["issuedAt"] = new DateTime(2026, 1, 20, 10, 15, 0),
        ["dossierCode"] = "NARIC-260105-0012",
        ["procedure"] = "Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp",
        ["submittedAt"] = new DateOnly(2026, 1, 5),
        ["verifyUrl"] = "https://dichvucong.demo.gov.vn/verify/" + code,
        ["verifyCode"] = code,
    };

    private static Dictionary<string, object?> Document(string name, string form) => new() { ["name"] = name, ["form"] = form };
}
