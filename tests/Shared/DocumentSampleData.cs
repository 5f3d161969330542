namespace PublicServices.Tests;

/// <summary>The sample documents rendered by the document tests and the rendering benchmark.</summary>
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

    /// <summary>A result table (exam scores): header, fields, one table row per subject, signature, QR, footer.</summary>
    public const string ResultTableTemplateId = "exam-results";

    public const string ResultTableTemplate = """
        id: exam-results
        title: Giấy chứng nhận kết quả thi
        placeholders: [agency, parentAgency, number, issuedAt, place, holderName, dateOfBirth, examId, subjects, signerTitle, signerName, verifyUrl, verifyCode]
        blocks:
          - type: nationalHeader
          - type: agency
            parent: "{{parentAgency}}"
            text: "{{agency}}"
          - type: numberDate
            number: "{{number}}"
            date: issuedAt
            place: "{{place}}"
          - type: title
            text: GIẤY CHỨNG NHẬN KẾT QUẢ THI
            subtitle: Kỳ thi tốt nghiệp trung học phổ thông năm 2025
          - type: fields
            labelWidth: 30
            rows:
              - { label: "Họ và tên:", value: "{{holderName}}" }
              - { label: "Ngày sinh:", value: "{{dateOfBirth}}" }
              - { label: "Số báo danh:", value: "{{examId}}" }
          - type: table
            rows: subjects
            columns:
              - { header: STT, key: "#", width: 10, align: center }
              - { header: Môn thi, key: name, width: 50 }
              - { header: Điểm số, key: score, width: 20, align: right }
              - { header: Ghi chú, key: note, width: 20, align: center }
          - type: signature
            title: "{{signerTitle}}"
            name: "{{signerName}}"
            signed: (Đã ký số)
          - type: qr
            value: verifyUrl
            size: 24
            align: left
            caption: "Mã tra cứu: {{verifyCode}}"
          - type: footer
            text: "Tra cứu văn bản tại {{verifyUrl}} — mã tra cứu {{verifyCode}}."
        """;

    private static readonly string[] Subjects =
    [
        "Ngữ văn", "Toán", "Tiếng Anh", "Vật lí", "Hóa học", "Sinh học", "Lịch sử", "Địa lí",
        "Giáo dục kinh tế và pháp luật", "Tin học", "Công nghệ công nghiệp", "Công nghệ nông nghiệp",
    ];

    public static Dictionary<string, object?> ResultTable(int rows) => new()
    {
        ["agency"] = "Sở Giáo dục và Đào tạo Hà Nội",
        ["parentAgency"] = "Ủy ban nhân dân thành phố Hà Nội",
        ["number"] = "88/GCN-SGDĐT",
        ["issuedAt"] = new DateTime(2025, 7, 16, 8, 0, 0),
        ["place"] = "Hà Nội",
        ["holderName"] = "Nguyễn Thị Hồng Nhung",
        ["dateOfBirth"] = new DateOnly(2007, 1, 12),
        ["examId"] = "01012345",
        ["subjects"] = Enumerable.Range(0, rows).Select(i => new Dictionary<string, object?>
        {
            ["name"] = $"{Subjects[i % Subjects.Length]} — bài thi số {i / Subjects.Length + 1}",
            ["score"] = 5 + i % 10 * 0.5,
            ["note"] = i % 7 == 0 ? "Miễn thi" : "",
        }).ToList(),
        ["signerTitle"] = "KT. Giám đốc\nPhó Giám đốc",
        ["signerName"] = "Lê Quang Duyệt",
        ["verifyUrl"] = "https://dichvucong.demo.gov.vn/verify/5TQ8-ZK21",
        ["verifyCode"] = "5TQ8-ZK21",
    };
}
