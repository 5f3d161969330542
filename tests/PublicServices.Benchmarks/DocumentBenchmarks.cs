using BenchmarkDotNet.Attributes;
using PublicServices.Platform.Documents;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Benchmarks;

/// <summary>The one-page diploma copy (header, fields, signature, QR, footer) rendered to PDF bytes.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly DocumentRenderer renderer = new(DocumentFonts.Locate(null));
    private DocumentTemplate template = null!;

    private readonly Dictionary<string, object?> model = new()
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

    [GlobalSetup]
    public void Setup()
    {
        var errors = new List<DefinitionError>();
        template = DocumentTemplateCatalog.LoadDirectory(Path.Combine(RepoRoot(), "templates", "documents"), errors).Get("diploma-copy");
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("\n", errors));
        Console.WriteLine($"// diploma-copy: {renderer.Render(template, model).Length} bytes per PDF, font {renderer.Fonts.FamilyName}");
    }

    [Benchmark]
    public byte[] RenderDiplomaCopy() => renderer.Render(template, model);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicServices.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
