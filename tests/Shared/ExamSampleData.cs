namespace PublicServices.Tests;

/// <summary>
/// Sample models of the graduation-exam documents (templates/documents/admission-notice, exam-result-certificate): a
/// candidate of the Hà Nội council (the demo applicant Nguyễn Thị Hồng Nhung at Trường THPT Phan Đình Phùng), with what
/// the issuer fills itself (the department, number, dates, verification code) as the issuing handler fills it.
/// </summary>
internal static class ExamSampleData
{
    public static Dictionary<string, object?> AdmissionNotice() => new(Issued("1523/2027/GBDT", "D7QK-4MZP", new DateTime(2027, 5, 28, 9, 0, 0)))
    {
        ["examYear"] = 2027L,
        ["candidateNumber"] = "01000123",
        ["holderName"] = "Nguyễn Thị Hồng Nhung",
        ["dateOfBirth"] = new DateOnly(2009, 3, 15),
        ["gender"] = "Nữ",
        ["cccd"] = "001309012345",
        ["council"] = "Sở GD&ĐT Hà Nội",
        ["examSite"] = "Trường THPT Chu Văn An, 10 Thụy Khuê, Hà Nội",
        ["room"] = "Phòng 006",
        ["papers"] = new List<object?>
        {
            Paper("TOAN", "Bắt buộc"), Paper("VAN", "Bắt buộc"), Paper("LI", "Tự chọn"), Paper("N1", "Tự chọn"),
        },
        ["timetable"] = "10/6/2027, 14:00: làm thủ tục dự thi\n"
            + "11/6/2027: sáng Ngữ văn, chiều Toán\n"
            + "12/6/2027, sáng: hai môn tự chọn",
        ["signerTitle"] = "KT. Giám đốc\nPhó Giám đốc",
        ["signerName"] = "Phan Thị Lãnh",
    };

    public static Dictionary<string, object?> ExamResultCertificate() => new(Issued("8801/2027/GCNKQ", "K3RW-9TNB", new DateTime(2027, 7, 16, 8, 0, 0)))
    {
        ["examYear"] = 2027L,
        ["candidateNumber"] = "01000123",
        ["holderName"] = "Nguyễn Thị Hồng Nhung",
        ["dateOfBirth"] = new DateOnly(2009, 3, 15),
        ["council"] = "Sở GD&ĐT Hà Nội",
        ["scores"] = new List<object?> // as the issuing handler builds rows from JSON
        {
            Score("TOAN", "7,50", ""),
            Score("VAN", "6,75", "Phúc khảo"), // codes of exam-subjects print as names (the column names the list)
            Score("Vật lí", "8,25", ""),
            Score("Tiếng Anh", "10,00", "Miễn thi"),
        },
        ["priorityArea"] = "KV2-NT (cộng 0,5 điểm)",
        ["priorityGroup"] = "Không",
        ["record"] = "7,10",
        ["graduationScore"] = "8,11",
        ["result"] = "Đủ điều kiện công nhận tốt nghiệp THPT",
        ["remarkNote"] = "Cấp lại sau phúc khảo, thay thế Giấy chứng nhận số 8800/2027/GCNKQ ngày 16/07/2027: điểm Ngữ văn từ 6,25 thành 6,75.",
        ["signerTitle"] = "KT. Giám đốc\nPhó Giám đốc",
        ["signerName"] = "Phan Thị Lãnh",
    };

    private static Dictionary<string, object?> Paper(string subject, string kind) => new() { ["subject"] = subject, ["kind"] = kind };

    /// <summary>What the issuer fills itself for a document of the Hà Nội department.</summary>
    private static Dictionary<string, object?> Issued(string number, string code, DateTime issuedAt) => new()
    {
        ["agency"] = "Sở Giáo dục và Đào tạo Hà Nội",
        ["parentAgency"] = "Ủy ban nhân dân thành phố Hà Nội",
        ["place"] = "Hà Nội",
        ["number"] = number,
        ["issuedAt"] = issuedAt,
        ["verifyUrl"] = "https://dichvucong.demo.gov.vn/verify/" + code,
        ["verifyCode"] = code,
    };

    private static Dictionary<string, object?> Score(string subject, string score, string note) =>
        new() { ["subject"] = subject, ["score"] = score, ["note"] = note };
}
