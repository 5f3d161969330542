using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary>An unquoted comma inside <c>{ vi: …, en: … }</c> silently cuts a text in YAML: the loader says where.</summary>
public sealed class LocalizedTextTests
{
    [Fact]
    public void Should_report_a_text_cut_at_an_unquoted_comma_and_accept_it_quoted()
    {
        const string procedure = """
            id: commas
            version: 1
            title: { vi: Thử, en: Test }
            agency: naric
            forms:
              application:
                pages:
                  - id: one
                    title: { vi: Một, en: One }
                    fields:
                      - { id: programme, type: text, label: { vi: Chương trình, ngành đào tạo, en: Programme } }
            flow:
              start: apply
              steps:
                apply: { type: form, form: application, then: { submitted: done } }
                done: { type: end, result: approved }
            """;
        var loader = new DefinitionLoader(ActivityRegistry.BuiltIn());
        var errors = new List<DefinitionError>();
        var quotedErrors = new List<DefinitionError>();

        var cut = loader.LoadText("commas.yaml", procedure, CodeListCatalog.Empty, errors);
        var quoted = loader.LoadText("commas.yaml", procedure.Replace("vi: Chương trình, ngành đào tạo", "vi: \"Chương trình, ngành đào tạo\""),
            CodeListCatalog.Empty, quotedErrors);

        var error = Assert.Single(errors);
        Assert.Equal((11, 69), (error.Location.Line, error.Location.Column));
        Assert.Contains("Unexpected 'ngành đào tạo' in 'label'", error.Message);
        Assert.Null(cut);
        Assert.Empty(quotedErrors);
        Assert.Equal("Chương trình, ngành đào tạo", quoted!.Definition.Forms["application"].Pages[0].Fields[0].Label.Vi);
    }
}
