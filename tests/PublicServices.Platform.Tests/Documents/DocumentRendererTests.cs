using System.Text;
using PublicServices.Platform.Documents;
using PublicServices.Tests;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Documents;

public sealed class DocumentRendererTests
{
    private readonly DocumentTemplateCatalog catalog = DocumentSamples.Catalog();

    [Fact]
    public void The_diploma_copy_prints_every_Vietnamese_string_exactly()
    {
        var pdf = DocumentSamples.Renderer.Render(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var text = DocumentSamples.PdfToText(pdf);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI",
            "Số: 1234/SGDĐT-QLT", "Hà Nội, ngày 05 tháng 03 năm 2025", "BẢN SAO VĂN BẰNG", "Bằng tốt nghiệp trung học phổ thông",
            "Nguyễn Thị Hồng Nhung", "12/01/2007", "Trường THPT Phan Đình Phùng", "2025", "PHÓ GIÁM ĐỐC", "(Đã ký số)",
            "Lê Quang Duyệt", "Mã tra cứu: 7K3M-9QX2", "Trang 1/1",
        })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Single(text.Split('\f', StringSplitOptions.RemoveEmptyEntries), p => p.Trim().Length > 0);
    }

    [Fact]
    public void The_refusal_letter_carries_the_reason()
    {
        var pdf = DocumentSamples.Renderer.Render(catalog.Get("refusal-letter"), DocumentSamples.RefusalLetter());
        var text = string.Join(" ", DocumentSamples.PdfToText(pdf).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("THÔNG BÁO", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ông/Bà Trần Văn Bình.", text, StringComparison.Ordinal);
        Assert.Contains("SGD-01-251120-0007", text, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy thông tin văn bằng trong sổ gốc của năm tốt nghiệp đã khai", text, StringComparison.Ordinal);
        Assert.Contains("Phan Thị Lãnh", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_breaks_across_pages_repeating_its_header()
    {
        var folder = Directory.CreateTempSubdirectory("document-table-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "scores.yaml"), """
                id: scores
                title: Bảng điểm
                placeholders: [holderName, subjects, verifyUrl]
                blocks:
                  - type: nationalHeader
                  - type: title
                    text: BẢNG ĐIỂM
                  - type: fields
                    rows:
                      - { label: "Họ và tên:", value: "{{holderName}}" }
                  - type: table
                    rows: subjects
                    columns:
                      - { header: STT, key: "#", width: 10, align: center }
                      - { header: Môn thi, key: name, width: 60 }
                      - { header: Điểm số, key: score, width: 30, align: right }
                  - type: footer
                    text: "Tra cứu: {{verifyUrl}}"
                """);
            var errors = new List<DefinitionError>();
            var template = DocumentTemplateCatalog.LoadDirectory(folder, errors).Get("scores");
            Assert.Empty(errors);
            var model = new Dictionary<string, object?>
            {
                ["holderName"] = "Nguyễn Thị Hồng Nhung",
                ["verifyUrl"] = "https://dichvucong.demo.gov.vn/verify/X",
                ["subjects"] = Enumerable.Range(1, 60)
                    .Select(i => new Dictionary<string, object?> { ["name"] = $"Môn học số {i} — Ngữ văn, Lịch sử, Địa lý", ["score"] = 5 + i % 10 * 0.5 })
                    .ToList(),
            };

            var pages = DocumentSamples.PdfToText(DocumentSamples.Renderer.Render(template, model))
                .Split('\f').Where(p => p.Trim().Length > 0).ToList();

            Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
            Assert.All(pages, page => Assert.Contains("Môn thi", page, StringComparison.Ordinal));
            Assert.All(pages, page => Assert.Contains("Điểm số", page, StringComparison.Ordinal));
            Assert.All(pages, page => Assert.Contains("Tra cứu: https://dichvucong.demo.gov.vn/verify/X", page, StringComparison.Ordinal));
            Assert.Contains("Môn học số 60", pages[^1], StringComparison.Ordinal);
            Assert.Contains("7,5", string.Concat(pages), StringComparison.Ordinal);
            Assert.Contains($"Trang {pages.Count}/{pages.Count}", pages[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Two_renders_of_the_same_input_are_byte_identical()
    {
        var template = catalog.Get("diploma-copy");

        var first = DocumentSamples.Renderer.Render(template, DocumentSamples.DiplomaCopy());
        var second = DocumentSamples.Renderer.Render(template, DocumentSamples.DiplomaCopy());
        var other = DocumentSamples.DiplomaCopy();
        other["copies"] = 3;
        var third = DocumentSamples.Renderer.Render(template, other);

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void A_value_missing_from_the_model_is_an_error_naming_it()
    {
        var model = DocumentSamples.DiplomaCopy();
        model.Remove("holderName");

        var error = Assert.Throws<KeyNotFoundException>(() => DocumentSamples.Renderer.Render(catalog.Get("diploma-copy"), model));

        Assert.Contains("'holderName'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_come_from_the_configured_folder_and_DejaVu_is_embedded_whole()
    {
        var folder = Directory.CreateTempSubdirectory("document-fonts-").FullName;
        try
        {
            var dejaVu = Path.Combine(DocumentFonts.DejaVuFolder, "DejaVuSerif.ttf");
            if (!File.Exists(dejaVu))
                return; // fonts-dejavu-core is not installed: nothing to find.
            File.Copy(dejaVu, Path.Combine(folder, "DejaVuSerif.ttf"));

            var fonts = DocumentFonts.Locate(folder);

            Assert.Equal("DejaVu Serif", fonts.FamilyName);
            Assert.True(fonts.EmbedCompleteFontFile);
            Assert.False(DocumentFonts.Locate(null).EmbedCompleteFontFile && File.Exists(Path.Combine(DocumentFonts.NotoFolder, "NotoSerif-Regular.ttf")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Vietnamese_text_uses_the_compact_fonts_and_other_scripts_the_full_ones()
    {
        var template = catalog.Get("diploma-copy");
        var vietnamese = Encoding.Latin1.GetString(DocumentSamples.Renderer.Render(template, DocumentSamples.DiplomaCopy()));
        var model = DocumentSamples.DiplomaCopy();
        model["placeOfBirth"] = "Москва, Российская Федерация"; // a foreign degree holder: Cyrillic is not in the compact fonts
        var pdf = DocumentSamples.Renderer.Render(template, model);
        var cyrillic = Encoding.Latin1.GetString(pdf);

        Assert.Matches(@"/BaseFont\s*/[A-Z]{6}\+Noto#20Serif#20VN", vietnamese);
        Assert.DoesNotMatch(@"/BaseFont\s*/[A-Z]{6}\+Noto#20Serif#20VN", cyrillic);
        Assert.Contains("Москва, Российская Федерация", DocumentSamples.PdfToText(pdf), StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hồng Nhung", DocumentSamples.PdfToText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Decomposed_input_prints_as_the_precomposed_letters()
    {
        var model = DocumentSamples.DiplomaCopy();
        model["holderName"] = "Nguyễn Thị Hồng Nhung".Normalize(NormalizationForm.FormD);

        var text = DocumentSamples.PdfToText(DocumentSamples.Renderer.Render(catalog.Get("diploma-copy"), model));

        Assert.Contains("Nguyễn Thị Hồng Nhung", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compact_font_keeps_every_Vietnamese_letter_and_flattens_nested_composites()
    {
        var letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        foreach (var file in new[] { Path.Combine(DocumentFonts.NotoFolder, "NotoSerif-Regular.ttf"), Path.Combine(DocumentFonts.DejaVuFolder, "DejaVuSerif.ttf") }.Where(File.Exists))
        {
            var full = File.ReadAllBytes(file);
            var compact = CompactFont.Build(full)!;

            Assert.True(compact.Covers(letters + letters.ToUpper(DocumentValues.Vietnamese) + "Độc lập - Tự do - Hạnh phúc “”–—…"), file);
            Assert.Equal(file.Contains("Noto", StringComparison.Ordinal), compact.Covers("₫")); // DejaVu Serif has no đồng sign
            Assert.False(compact.Covers("Москва"), file);
            Assert.Equal(0, compact.NestedComposites);
            Assert.InRange(compact.Data.Length, 10_000, full.Length / 4);
            Assert.InRange(compact.GlyphCount, 300, 800);
        }
    }

    [Fact]
    public void The_QR_rectangles_cover_exactly_the_dark_modules()
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode("https://dichvucong.demo.gov.vn/verify/7K3M-9QX2", QRCoder.QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;

        var rectangles = DocumentRenderer.Layout.QrRectangles(matrix);
        var painted = new int[matrix.Count, matrix.Count];
        foreach (var (column, row, columns, rows) in rectangles)
            for (var r = row; r < row + rows; r++)
                for (var c = column; c < column + columns; c++)
                    painted[r, c]++;

        for (var r = 0; r < matrix.Count; r++)
            for (var c = 0; c < matrix.Count; c++)
                Assert.Equal(matrix[r][c] ? 1 : 0, painted[r, c]);
        Assert.True(rectangles.Count < matrix.Cast<System.Collections.BitArray>().Sum(row => row.Cast<bool>().Count(b => b)) / 2);
    }

    /// <summary>Writes docs/images/diploma-copy-sample.png (pdftoppm -png -r 80) for people to look at.</summary>
    [Fact]
    public void The_sample_page_image_is_written()
    {
        var pdf = DocumentSamples.Renderer.Render(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var target = RepoPaths.InRepo("docs", "images", "diploma-copy-sample.png");

        Poppler.FirstPageToPng(pdf, 80, target);

        Assert.True(new FileInfo(target).Length > 10_000);
    }
}
