using PublicServices.Platform.Notifications;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Tests;

namespace PublicServices.Platform.Tests.Notifications;

public sealed class NotificationTemplateCatalogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ps-templates").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Should_load_every_template_of_the_repository_without_errors()
    {
        var errors = new List<DefinitionError>();
        var catalog = NotificationTemplateCatalog.LoadDirectory(Path.Combine(RepoPaths.Root, "templates", "notifications"), errors);

        Assert.Empty(errors);
        Assert.Contains("submitted", catalog.Ids);
        var submitted = catalog.Find("submitted")!;
        var model = new Dictionary<string, object?> { ["code"] = "SGD-01-261124-0001", ["procedure"] = "Cấp bản sao", ["dueDate"] = "27/11/2026" };
        Assert.Equal("Đã tiếp nhận hồ sơ SGD-01-261124-0001", submitted.SubjectVi(model));
    }

    [Fact]
    public void Should_report_a_missing_language_and_an_unknown_placeholder_with_file_and_line()
    {
        var file = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(file, """
            id: broken
            vi:
              subject: "Hồ sơ {{code}}"
              body: "Kết quả {{score}} & {{dueDate}}"
            """);
        var errors = new List<DefinitionError>();

        var catalog = NotificationTemplateCatalog.LoadDirectory(folder, errors);

        Assert.Null(catalog.Find("broken"));
        Assert.Contains(errors, e => e.Location.Line == 4 && e.Message.Contains("'score'"));
        Assert.Contains(errors, e => e.Message.Contains("en.subject"));
        Assert.Contains(errors, e => e.Message.Contains("en.body"));
        Assert.All(errors, e => Assert.Equal(file, e.Location.File));
    }

    [Fact]
    public void Should_keep_text_as_written_because_pages_encode_on_output()
    {
        File.WriteAllText(Path.Combine(folder, "plain.yaml"), """
            vi: { subject: "A & B {{code}}", body: "x" }
            en: { subject: "A & B {{code}}", body: "x" }
            """);
        var catalog = NotificationTemplateCatalog.LoadDirectory(folder, new List<DefinitionError>());

        Assert.Equal("A & B <b>", catalog.Find("plain")!.SubjectEn(new Dictionary<string, object?> { ["code"] = "<b>" }));
    }
}
