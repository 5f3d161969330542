using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary><c>highlights:</c>: what loads, what is refused at its line, and the text a value shows (or not).</summary>
public sealed class HighlightDefinitionTests
{
    private readonly DefinitionLoader loader = new(ActivityRegistry.BuiltIn());

    private static string Procedure(string highlights) => $$"""
        id: highlight-test
        version: 1
        title: { vi: Thử, en: Test }
        agency: sgd-01
        {{highlights}}
        forms:
          registration:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: council, type: text, label: { vi: Hội đồng, en: Council }, required: true }
        flow:
          start: apply
          steps:
            apply: { type: form, form: registration, then: { submitted: numbering } }
            numbering: { type: number, sequence: { var: registration.council }, format: { cat: [ { var: registration.council }, { var: numbering.seq } ] }, then: done }
            done: { type: end, result: approved }
        """;

    private (LoadedDefinition? Definition, List<DefinitionError> Errors) Load(string text)
    {
        var errors = new List<DefinitionError>();
        return (loader.LoadText("highlight-test.yaml", text, CodeListCatalog.Empty, errors), errors);
    }

    [Fact]
    public void Should_show_a_value_only_once_it_has_one_in_both_languages()
    {
        var (loaded, errors) = Load(Procedure("""
            highlights:
              - { label: { vi: Số báo danh, en: Candidate number }, value: { var: numbering.value } }
              - label: { vi: Điểm, en: Score }
                value: { var: score }
              - { label: { vi: Môn, en: Papers }, value: { var: papers } }
            """));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var highlights = loaded!.Definition.Highlights;
        Assert.Equal(["Số báo danh", "Điểm", "Môn"], highlights.Select(h => h.Label.Vi));

        var before = new JsonObject { ["registration"] = new JsonObject { ["council"] = "01" }, ["score"] = "", ["papers"] = new JsonArray() };
        Assert.All(highlights, h => Assert.Null(h.Text(before)));

        var after = new JsonObject { ["numbering"] = new JsonObject { ["seq"] = 1, ["value"] = "01000001" }, ["score"] = 7.46, ["papers"] = new JsonArray("Toán", "Ngữ văn") };
        Assert.Equal("01000001", highlights[0].Text(after)!.Vi);
        Assert.Equal("7,46", highlights[1].Text(after)!.Vi);
        Assert.Equal("7.46", highlights[1].Text(after)!.En);
        Assert.Equal("Toán, Ngữ văn", highlights[2].Text(after)!.For("en"));
    }

    [Fact]
    public void Should_report_each_mistake_at_its_line()
    {
        var (loaded, errors) = Load(Procedure("""
            highlights:
              - { label: { vi: Số báo danh, en: Candidate number }, value: { var: numbering.value }, show: always }
              - { label: { vi: Phòng thi }, value: { var: exam.room } }
              - { label: { vi: Hội đồng, en: Council }, value: { var: registration.councll } }
              - { label: { vi: Điểm, en: Score } }
            """));

        Assert.Null(loaded);
        Assert.Contains(errors, e => e.Message.Contains("Unknown key 'show' in `highlights:`") && e.Location.Line == 6);
        Assert.Contains(errors, e => e.Message.Contains("Missing English text") && e.Location.Line == 7);
        Assert.Contains(errors, e => e.Message.Contains("Form 'registration' has no field 'councll'") && e.Location.Line == 8);
        Assert.Contains(errors, e => e.Message.Contains("Missing `value:`") && e.Location.Line == 9);
    }

    [Fact]
    public void Should_refuse_highlights_that_are_not_a_list()
    {
        var (_, errors) = Load(Procedure("highlights: { label: { vi: A, en: A }, value: 1 }"));
        Assert.Contains(errors, e => e.Message.Contains("`highlights:` must be a list") && e.Location.Line == 5);
    }
}
