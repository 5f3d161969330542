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
    public void Should_read_the_fee_and_reminder_templates_with_their_sms_texts()
    {
        var catalog = NotificationTemplateCatalog.LoadDirectory(Path.Combine(RepoPaths.Root, "templates", "notifications"), new List<DefinitionError>());
        var model = new Dictionary<string, object?>
        {
            ["code"] = "SGD-01-261109-0001", ["procedure"] = "Cấp bản sao", ["amount"] = "20.000 đ", ["deadline"] = "10/11/2026 09:00", ["action"] = "nộp lệ phí",
        };

        var paid = catalog.Find("paid")!;
        var reminder = catalog.Find("deadline-approaching")!;

        Assert.True(paid.HasSms);
        Assert.Contains("amount", paid.Uses);
        Assert.Contains("lệ phí 20.000 đ cho hồ sơ SGD-01-261109-0001", paid.BodyVi(model));
        Assert.True(reminder.HasSms);
        Assert.Equal(["action", "code", "deadline", "procedure"], reminder.Uses.Order());
        var sms = SmsText.ToGsm7(reminder.SmsVi!(model));
        Assert.Contains("vui long nop le phi truoc 10/11/2026 09:00", sms);
        Assert.True(sms.Length <= SmsText.SegmentLength, sms);
        Assert.False(catalog.Find("decided")!.HasSms); // SMS stays optional
    }

    [Fact]
    public void Should_refuse_an_sms_in_one_language_only_too_long_or_outside_the_sms_alphabet()
    {
        File.WriteAllText(Path.Combine(folder, "one-language.yaml"), """
            vi: { subject: "S {{code}}", body: "B", sms: "Hồ sơ {{code}}" }
            en: { subject: "S {{code}}", body: "B" }
            """);
        File.WriteAllText(Path.Combine(folder, "long.yaml"), $$$"""
            vi: { subject: "S", body: "B", sms: "{{{new string('a', 121)}}} {{code}}" }
            en: { subject: "S", body: "B", sms: "ok {{code}}" }
            """);
        File.WriteAllText(Path.Combine(folder, "symbol.yaml"), """
            vi: { subject: "S", body: "B", sms: "Đã nhận ✓ {{code}}" }
            en: { subject: "S", body: "B", sms: "Received – {{code}}" }
            """);
        var errors = new List<DefinitionError>();

        var catalog = NotificationTemplateCatalog.LoadDirectory(folder, errors);

        Assert.Empty(catalog.Ids);
        Assert.Contains(errors, e => e.Location.File.EndsWith("one-language.yaml") && e.Message.Contains("needs both vi.sms and en.sms"));
        Assert.Contains(errors, e => e.Location.File.EndsWith("long.yaml") && e.Location.Line == 1 && e.Message.Contains("122 characters"));
        Assert.Contains(errors, e => e.Location.File.EndsWith("symbol.yaml") && e.Location.Line == 1 && e.Message.Contains("'✓'"));
        Assert.DoesNotContain(errors, e => e.Message.Contains("'–'")); // made plain on sending
        Assert.Equal(3, errors.Count);
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
