using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary><c>startsFrom:</c>, <c>source.*</c> paths and prefill, and the document step's <c>issuer</c>/<c>replaces</c>, as the loader reads them.</summary>
public sealed class StartsFromDefinitionTests : IDisposable
{
    private readonly DefinitionLoader loader = new(ActivityRegistry.BuiltIn());
    private readonly string folder = Directory.CreateTempSubdirectory("startsfrom-").FullName;

    private const string Parent = """
        id: parent
        version: 1
        title: { vi: Cha, en: Parent }
        agency: sgd-01
        forms:
          registration:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: council, type: text, label: { vi: Hội đồng, en: Council } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: registration, then: { submitted: results-wait } }
            results-wait: { type: wait, signal: results, then: done }
            done: { type: end, result: approved }
        """;

    private static string Child(string startsFrom, string prefill = "source.candidateNumber", string rule = "{ var: source.council }") => $$"""
        id: child
        version: 1
        title: { vi: Con, en: Child }
        agency: sgd-01
        {{startsFrom}}
        forms:
          request:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: candidateNumber, type: text, label: { vi: SBD, en: Number }, prefill: {{prefill}} }
        flow:
          start: apply
          steps:
            apply: { type: form, form: request, then: { submitted: issue } }
            issue:
              type: document
              template: result
              issuer: { cat: [ "sgd-", {{rule}} ] }
              replaces: { var: source.certificateDocumentId }
              then: done
            done: { type: end, result: approved }
        """;

    private const string Valid = """
        startsFrom:
          procedure: parent
          when: { steps: [results-wait], results: [approved] }
          label: { vi: Đề nghị phúc khảo, en: Request re-marking }
          copy:
            candidateNumber: { var: numbering.value }
            council: { var: registration.council }
            certificateDocumentId: { var: certificate.documentId }
        """;

    private LoadResult Load(string child)
    {
        File.WriteAllText(Path.Combine(folder, "parent.yaml"), Parent);
        File.WriteAllText(Path.Combine(folder, "child.yaml"), child);
        return loader.LoadDirectory(folder);
    }

    [Fact]
    public void Should_read_startsFrom_and_the_document_issuer_and_replacement()
    {
        var result = Load(Child(Valid));
        Assert.Empty(result.Errors);
        var child = result.Definitions.Single(d => d.Definition.Id == "child").Definition;
        Assert.Equal("parent", child.StartsFrom!.Procedure);
        Assert.Equal(["results-wait"], child.StartsFrom.Steps);
        Assert.Equal(["approved"], child.StartsFrom.Results);
        Assert.Equal(["candidateNumber", "council", "certificateDocumentId"], child.StartsFrom.Copy.Keys);
        Assert.Equal("Đề nghị phúc khảo", child.StartsFrom.Label!.Vi);
        var issue = (DocumentStepSettings)child.Flow.Steps["issue"].Settings;
        Assert.NotNull(issue.Issuer);
        Assert.NotNull(issue.Replaces);
    }

    [Theory]
    [InlineData("procedure: nowhere", "no loaded procedure 'nowhere'")]
    [InlineData("when: { steps: [grading] }", "has no step 'grading'")]
    [InlineData("when: { results: [passed] }", "has `result: passed`")]
    [InlineData("when: { steps: results-wait }", "must be a list of names")]
    [InlineData("when: {}", "needs `when:`")]
    [InlineData("also: 1", "Unknown key 'also'")]
    public void Should_report_a_bad_startsFrom(string change, string expected)
    {
        var key = change.Split(':')[0];
        var lines = Valid.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)).ToList();
        lines.Insert(1, "  " + change);
        var result = Load(Child(string.Join('\n', lines)));
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Definitions, d => d.Definition.Id == "child");
    }

    [Fact]
    public void Should_report_source_paths_and_prefills_that_are_not_copied()
    {
        var result = Load(Child(Valid, prefill: "source.score", rule: "{ var: source.province }"));
        Assert.Contains(result.Errors, e => e.Message.Contains("has no 'score'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("has no 'province'", StringComparison.Ordinal));
        var without = Load(Child(""));
        Assert.Contains(without.Errors, e => e.Message.Contains("has no `startsFrom:`", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_not_require_the_parent_when_one_file_is_checked_alone()
    {
        File.WriteAllText(Path.Combine(folder, "child.yaml"), Child(Valid));
        var result = loader.LoadFiles([Path.Combine(folder, "child.yaml")], CodeListCatalog.Empty);
        Assert.Empty(result.Errors);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
