namespace PublicServices.Tests;

/// <summary>The sample diploma copy rendered by the document tests and the rendering benchmark.</summary>
internal static class DocumentSampleData
{
    public static Dictionary<string, object?> DiplomaCopy() => new()
    {
        ["agency"] = "Sở Giáo dục và Đào tạo Hà Nội",
        ["parentAgency"] = "Ủy ban nhân dân thành phố Hà Nội",
        ["number"] = "1234/SGDĐT-QLT",
        ["issuedAt"] = new DateTime(2025, 3, 5, 9, 30, 0),
        ["place"] = "Hà Nội",
        ["holderName"] = "Nguyễn Thị Hồng Nhung",
        ["dateOfBirth"] = new DateOnly(2007, 1, 12),
        ["placeOfBirth"] = "Quận Đống Đa, thành phố Hà Nội",
        ["gender"] = "Nữ",
        ["diplomaType"] = "Bằng tốt nghiệp trung học phổ thông",
        ["school"] = "Trường THPT Phan Đình Phùng",
        ["graduationYear"] = 2025,
        ["ranking"] = "Khá",
        ["registerNumber"] = "0123/2025",
        ["diplomaNumber"] = "B 0456789",
        ["copies"] = 2,
        ["signerTitle"] = "KT. Giám đốc\nPhó Giám đốc",
        ["signerName"] = "Lê Quang Duyệt",
        ["verifyUrl"] = "https://dichvucong.demo.gov.vn/verify/7K3M-9QX2",
        ["verifyCode"] = "7K3M-9QX2",
    };
}
