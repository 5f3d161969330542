using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Forms;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Forms;

/// <summary>
/// One page validated alone, as the application pages save it: a field shown by an answer on an earlier page (the
/// proof of study abroad of degree recognition) is required and kept; the stored answers come as the context.
/// </summary>
public sealed class FormValidatorPageTests
{
    private const string Definition = """
        id: page-test
        version: 1
        title: { vi: Thử trang, en: Page test }
        agency: naric
        forms:
          application:
            pages:
              - id: degree
                title: { vi: Văn bằng, en: Degree }
                fields:
                  - id: studyPlace
                    type: select
                    label: { vi: Nơi học, en: Where you studied }
                    required: true
                    options:
                      - { value: abroad, label: { vi: Nước ngoài, en: Abroad } }
                      - { value: vietnam, label: { vi: Việt Nam, en: Viet Nam } }
              - id: documents
                title: { vi: Giấy tờ, en: Documents }
                fields:
                  - id: proof
                    type: text
                    label: { vi: Minh chứng, en: Proof }
                    required: true
                    visibleWhen: { "==": [ { var: application.studyPlace }, abroad ] }
                  - { id: note, type: text, label: { vi: Ghi chú, en: Note } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: application, then: { submitted: done } }
            done: { type: end, result: ok }
        """;

    private readonly FormDefinition form;
    private readonly FormValidator validator;

    public FormValidatorPageTests()
    {
        var errors = new List<DefinitionError>();
        var codeLists = new CodeListCatalog(new Dictionary<string, CodeList>());
        var loaded = new DefinitionLoader(ActivityRegistry.BuiltIn()).LoadText("page-test.yaml", Definition, codeLists, errors);
        Assert.Empty(errors);
        form = loaded!.Definition.Forms["application"];
        validator = new FormValidator(codeLists, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
    }

    private FormValidationResult ValidateSecondPage(string input, string stored) =>
        validator.Validate(form, [form.Pages[1]], JsonNode.Parse(input)!.AsObject(), checkRules: false,
            context: new JsonObject { ["application"] = JsonNode.Parse(stored) });

    [Fact]
    public void Should_require_and_keep_a_field_shown_by_an_answer_on_an_earlier_page()
    {
        var missing = ValidateSecondPage("""{"proof":"","note":""}""", """{"studyPlace":"abroad"}""");
        var given = ValidateSecondPage("""{"proof":"passport stamps","note":""}""", """{"studyPlace":"abroad"}""");

        Assert.Equal("proof", Assert.Single(missing.Errors).FieldId);
        Assert.True(given.IsValid);
        Assert.Equal("passport stamps", given.Values["proof"]!.GetValue<string>());
    }

    [Fact]
    public void Should_drop_a_field_hidden_by_an_answer_on_an_earlier_page()
    {
        var result = ValidateSecondPage("""{"proof":"stale","note":"x"}""", """{"studyPlace":"vietnam"}""");

        Assert.True(result.IsValid);
        Assert.False(result.Values.ContainsKey("proof"));
    }

    [Fact]
    public void Should_read_this_pages_answers_over_the_stored_ones()
    {
        // A stale stored value of a field on this page must not decide: what was just posted does.
        var result = validator.Validate(form, [form.Pages[0]], JsonNode.Parse("""{"studyPlace":"vietnam"}""")!.AsObject(), checkRules: false,
            context: new JsonObject { ["application"] = JsonNode.Parse("""{"studyPlace":"abroad"}""") });

        Assert.True(result.IsValid);
        Assert.Equal("vietnam", result.Values["studyPlace"]!.GetValue<string>());
    }
}
