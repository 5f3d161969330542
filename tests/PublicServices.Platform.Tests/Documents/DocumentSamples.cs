using PublicServices.Platform.Documents;
using PublicServices.Tests;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Documents;

/// <summary>The repository's templates, sample models, one renderer and pdftotext/pdftoppm helpers.</summary>
internal static class DocumentSamples
{
    public static readonly DocumentRenderer Renderer = new(DocumentFonts.Locate(null));

    public static DocumentTemplateCatalog Catalog()
    {
        var errors = new List<DefinitionError>();
        var catalog = DocumentTemplateCatalog.LoadDirectory(RepoPaths.InRepo("templates", "documents"), errors);
        Assert.Empty(errors);
        return catalog;
    }

    public static Dictionary<string, object?> DiplomaCopy() => DocumentSampleData.DiplomaCopy();

    public static Dictionary<string, object?> RefusalLetter() => new()
    {
        ["agency"] = "Sở Giáo dục và Đào tạo Hà Nội",
        ["parentAgency"] = "Ủy ban nhân dân thành phố Hà Nội",
        ["number"] = "57/TB-SGDĐT",
        ["issuedAt"] = new DateTime(2025, 11, 26),
        ["place"] = "Hà Nội",
        ["applicantName"] = "Trần Văn Bình",
        ["dossierCode"] = "SGD-01-251120-0007",
        ["procedure"] = "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        ["submittedAt"] = new DateOnly(2025, 11, 20),
        ["reason"] = "Không tìm thấy thông tin văn bằng trong sổ gốc của năm tốt nghiệp đã khai; đề nghị kiểm tra lại năm tốt nghiệp và trường.",
        ["signerTitle"] = "Giám đốc",
        ["signerName"] = "Phan Thị Lãnh",
        ["verifyUrl"] = "https://dichvucong.demo.gov.vn/verify/Q8R2-LM4T",
        ["verifyCode"] = "Q8R2-LM4T",
    };

    /// <summary>Runs a poppler tool (pdftotext, pdftoppm, pdfsig): see tests/Shared/Poppler.cs.</summary>
    public static string PdfToText(byte[] pdf, params string[] options) => Poppler.PdfToText(pdf, options);

    public static string Run(string tool, string[] arguments) => Poppler.Run(tool, arguments);
}
