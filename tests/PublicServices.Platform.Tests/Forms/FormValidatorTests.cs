using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Forms;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Forms;

public sealed class FormValidatorTests
{
    private const string Definition = """
        id: form-test
        version: 1
        title: { vi: Thử biểu mẫu, en: Form test }
        agency: naric
        forms:
          application:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: name, type: text, label: { vi: Họ tên, en: Name }, required: true, maxLength: 10 }
                  - { id: code, type: text, label: { vi: Mã, en: Code }, pattern: "[A-Z]{2}[0-9]{3}", patternMessage: { vi: Mã dạng AB123, en: A code like AB123 } }
                  - { id: years, type: number, label: { vi: Số năm, en: Years }, min: 1, max: 8 }
                  - { id: enrolled, type: date, label: { vi: Ngày nhập học, en: Enrolment date }, required: true }
                  - { id: graduated, type: date, label: { vi: Ngày tốt nghiệp, en: Graduation date }, required: true }
                  - { id: abroad, type: boolean, label: { vi: Học ở nước ngoài, en: Studied abroad } }
                  - id: proof
                    type: text
                    label: { vi: Bằng chứng, en: Proof }
                    required: true
                    visibleWhen: { var: application.abroad }
                  - { id: country, type: select, codeList: countries, label: { vi: Nước, en: Country } }
                  - id: subjects
                    type: multiselect
                    label: { vi: Môn, en: Subjects }
                    options:
                      - { value: phy, label: { vi: Vật lí, en: Physics } }
                      - { value: che, label: { vi: Hóa học, en: Chemistry } }
                  - { id: email, type: email, label: { vi: E-mail, en: E-mail } }
                  - { id: phone, type: phone, label: { vi: Điện thoại, en: Phone } }
                  - { id: cccd, type: cccd, label: { vi: CCCD, en: CCCD } }
            rules:
              - rule: { ">": [ { var: application.graduated }, { var: application.enrolled } ] }
                message: { vi: Ngày tốt nghiệp phải sau ngày nhập học., en: Graduation must come after enrolment. }
                fields: [graduated]
        flow:
          start: apply
          steps:
            apply: { type: form, form: application, then: { submitted: done } }
            done: { type: end, result: ok }
        """;

    private readonly FormDefinition form;
    private readonly FormValidator validator;

    public FormValidatorTests()
    {
        var errors = new List<DefinitionError>();
        var codeLists = new CodeListCatalog(new Dictionary<string, CodeList>
        {
            ["countries"] = new("countries", new LocalizedText("Nước", "Country"),
                [new CodeListItem("FR", new LocalizedText("Pháp", "France"), null), new CodeListItem("JP", new LocalizedText("Nhật Bản", "Japan"), null)]),
        });
        var loaded = new DefinitionLoader(ActivityRegistry.BuiltIn()).LoadText("form-test.yaml", Definition, codeLists, errors);
        Assert.Empty(errors);
        form = loaded!.Definition.Forms["application"];
        validator = new FormValidator(codeLists, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
    }

    private FormValidationResult Validate(string json) => validator.Validate(form, form.Pages, JsonNode.Parse(json)!.AsObject(), checkRules: true);

    private static string? ErrorOf(FormValidationResult result, string field) =>
        result.Errors.FirstOrDefault(e => e.FieldId == field)?.Message.En;

    [Fact]
    public void Should_convert_typed_values_from_strings_as_an_html_form_posts_them()
    {
        var result = Validate("""{"name":"An","years":"4","enrolled":"01/09/2020","graduated":"2024-06-30","abroad":"on","proof":"visa","country":"FR","subjects":["phy","che"],"cccd":"001307012345"}""");

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.FieldId}: {e.Message.En}")));
        Assert.Equal(4m, result.Values["years"]!.GetValue<decimal>());
        Assert.Equal("2020-09-01", result.Values["enrolled"]!.GetValue<string>());
        Assert.True(result.Values["abroad"]!.GetValue<bool>());
        Assert.Equal(2, result.Values["subjects"]!.AsArray().Count);
    }

    [Fact]
    public void Should_report_one_clear_error_per_field_type()
    {
        var result = Validate("""{"name":"Nguyễn Văn Anh Dũng","code":"ab12","years":"9","enrolled":"31/02/2020","graduated":"2024-06-30","country":"XX","subjects":["phy","bio"],"email":"an@","phone":"12345","cccd":"123"}""");

        Assert.Equal("Use at most 10 characters (you have 19).", ErrorOf(result, "name"));
        Assert.Equal("A code like AB123", ErrorOf(result, "code"));
        Assert.Equal("The largest value is 8.", ErrorOf(result, "years"));
        Assert.Equal("Enter a real date, for example 15/03/2007.", ErrorOf(result, "enrolled"));
        Assert.Equal("Choose one of the options listed.", ErrorOf(result, "country"));
        Assert.Equal("Choose only options that are listed.", ErrorOf(result, "subjects"));
        Assert.Equal("Enter an e-mail address like name@example.com.", ErrorOf(result, "email"));
        Assert.Equal("Enter a Vietnamese mobile number like 0912345678.", ErrorOf(result, "phone"));
        Assert.Contains("12 digits", ErrorOf(result, "cccd"));
    }

    [Fact]
    public void Should_require_a_field_only_while_it_is_visible()
    {
        var hidden = Validate("""{"name":"An","enrolled":"2020-09-01","graduated":"2024-06-30","abroad":"false","proof":"ignored"}""");
        var shown = Validate("""{"name":"An","enrolled":"2020-09-01","graduated":"2024-06-30","abroad":"true"}""");

        Assert.True(hidden.IsValid);
        Assert.False(hidden.Values.ContainsKey("proof"));
        Assert.Equal("Enter proof.", ErrorOf(shown, "proof"));
    }

    [Fact]
    public void Should_apply_cross_field_rules_once_the_fields_are_valid()
    {
        var result = Validate("""{"name":"An","enrolled":"2024-09-01","graduated":"2020-06-30"}""");

        Assert.Equal("Graduation must come after enrolment.", ErrorOf(result, "graduated"));
        Assert.Equal("Ngày tốt nghiệp phải sau ngày nhập học.", result.Errors.Single().Message.Vi);
    }

    [Fact]
    public void Should_report_missing_required_fields_in_both_languages()
    {
        var result = Validate("{}");

        Assert.Equal(["name", "enrolled", "graduated"], result.Errors.Select(e => e.FieldId));
        Assert.Equal("Vui lòng nhập họ tên.", result.Errors[0].Message.Vi);
    }
}
