using PublicServices.Platform.Documents;
using PublicServices.Tests;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Documents;

public sealed class DocumentTemplateCatalogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("document-templates-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_repository_templates_load_without_errors()
    {
        var catalog = DocumentSamples.Catalog();

        // Every file loads (DocumentSamples.Catalog asserts no error), under its file name as id.
        var files = Directory.EnumerateFiles(RepoPaths.InRepo("templates", "documents"), "*.yaml")
            .Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, catalog.Ids);
        var diploma = catalog.Get("diploma-copy");
        Assert.Equal(new PageMargins(20, 15, 20, 30), diploma.Margins);
        Assert.IsType<NationalHeaderBlock>(diploma.Blocks[0]);
        Assert.Contains(diploma.Blocks, b => b is QrBlock { ValuePlaceholder: "verifyUrl" });
        Assert.Equal("{{holderName}}", diploma.Blocks.OfType<FieldsBlock>().Single().Rows[0].Value);
    }

    [Fact]
    public void Every_error_is_reported_with_its_file_and_line()
    {
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), """
            id: broken
            title: Hỏng
            placeholders: [name]
            blocks:
              - type: nationalHeader
              - type: banner
                text: x
              - type: paragraph
                text: "Xin chào {{name}}, mã {{code}}"
              - type: table
                rows: subjects
                columns:
                  - { header: Môn, key: name, width: 70 }
              - type: signature
                title: Giám đốc
            """);

        var errors = new List<DefinitionError>();
        var catalog = DocumentTemplateCatalog.LoadDirectory(folder, errors);

        Assert.Empty(catalog.Ids);
        var file = Path.Combine(folder, "broken.yaml");
        Assert.All(errors, e => Assert.Equal(file, e.Location.File));
        Assert.Contains(errors, e => e.Location.Line == 6 && e.Message.Contains("Unknown block type 'banner'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == 9 && e.Message.Contains("Placeholder 'code' is not declared", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == 11 && e.Message.Contains("Placeholder 'subjects' is not declared", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == 13 && e.Message.Contains("add up to 70%", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == 14 && e.Message.Contains("needs 'name'", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Unknown_settings_and_page_sizes_are_errors()
    {
        File.WriteAllText(Path.Combine(folder, "a.yaml"), """
            id: a
            title: A
            page: { size: A5 }
            blocks:
              - type: title
                text: Tiêu đề
                colour: red
            """);

        var errors = new List<DefinitionError>();
        DocumentTemplateCatalog.LoadDirectory(folder, errors);

        Assert.Collection(errors.OrderBy(e => e.Location.Line),
            e => Assert.Equal((3, true), (e.Location.Line, e.Message.Contains("A5", StringComparison.Ordinal))),
            e => Assert.Equal((7, true), (e.Location.Line, e.Message.Contains("Unknown setting 'colour'", StringComparison.Ordinal))));
    }
}
