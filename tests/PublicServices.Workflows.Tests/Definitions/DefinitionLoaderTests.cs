using PublicServices.Tests;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Tests.Definitions;

public sealed class DefinitionLoaderTests
{
    private static readonly string Broken = Path.Combine(AppContext.BaseDirectory, "Definitions", "Fixtures", "broken");
    private readonly DefinitionLoader loader = new(ActivityRegistry.BuiltIn());

    [Fact]
    public void Should_load_the_repository_definitions_without_errors()
    {
        var result = loader.LoadDirectory(RepoPaths.InRepo("workflows"));

        Assert.Empty(result.Errors);
        var copy = Assert.Single(result.Definitions, d => d.Definition.Id == "diploma-copy").Definition;
        Assert.Equal(new DurationSpec(5, DurationUnit.WorkingDays), copy.Deadline);
        var review = copy.Flow.Steps["review"];
        var task = Assert.IsType<TaskStepSettings>(review.Settings);
        Assert.True(task.Outcomes["refuse"].RequiresReason);
        Assert.Equal("Tiếp nhận", task.Outcomes["accept"].Label.Vi);
        Assert.Equal("ask-supplement", review.Transitions["supplement"]);
        var pay = Assert.IsType<PaymentStepSettings>(copy.Flow.Steps["pay"].Settings);
        Assert.Equal(60000d, pay.Amount.Evaluate(System.Text.Json.Nodes.JsonNode.Parse("""{"application":{"copies":3}}"""))!.GetValue<long>());
        Assert.Equal(FieldType.File, copy.Forms["application"].Pages[2].Fields[0].Type);
    }

    [Fact]
    public void Should_report_every_error_with_file_line_and_column()
    {
        var result = loader.LoadDirectory(Broken);
        var actual = result.Errors.Select(e => (Path.GetFileName(e.Location.File), e.Location.Line, e.Location.Column, e.Message)).ToList();

        (string File, int Line, int Col, string Phrase)[] expected =
        [
            ("bad-yaml.yaml", 3, 14, "YAML"),
            ("duplicate-b.yaml", 1, 1, "'twice' version 2 is also defined in"),
            ("flow-errors.yaml", 16, 12, "Form 'application' has no field 'nmae'"),
            ("flow-errors.yaml", 17, 11, "can never end"),
            ("flow-errors.yaml", 18, 12, "can never end"),
            ("flow-errors.yaml", 19, 13, "unreachable"),
            ("flow-errors.yaml", 19, 48, "missing step 'chek'"),
            ("flow-errors.yaml", 20, 10, "has no outcome 'refunded'"),
            ("flow-errors.yaml", 20, 10, "does not say where 'expired' leads"),
            ("flow-errors.yaml", 20, 10, "does not say where 'cancelled' leads"),
            ("flow-errors.yaml", 20, 10, "unreachable"),
            ("flow-errors.yaml", 21, 18, "Unknown step type 'teleport'"),
            ("form-errors.yaml", 3, 8, "Missing English text in 'title'"),
            ("form-errors.yaml", 11, 13, "Unknown code list 'shades'"),
            ("form-errors.yaml", 12, 13, "needs `options:` or `codeList:`"),
            ("form-errors.yaml", 13, 13, "Duplicate field id 'colour'"),
            ("form-errors.yaml", 14, 31, "Unknown field type 'datetime'"),
            ("form-errors.yaml", 18, 43, "Unknown operator 'substring'"),
            ("form-errors.yaml", 20, 15, "'==' takes 2 argument(s), got 1"),
            ("form-errors.yaml", 22, 26, "unknown field 'missingField'"),
            ("settings-errors.yaml", 8, 12, "Unknown form 'nowhere'"),
            ("settings-errors.yaml", 10, 7, "a required setting is missing"),
            ("settings-errors.yaml", 13, 19, "needs `label:"),
            ("settings-errors.yaml", 14, 70, "not a duration"),
            ("settings-errors.yaml", 15, 10, "Unknown form 'nowhere'"),
            ("settings-errors.yaml", 15, 10, "'requestedBy: pay' is not a task step"),
        ];

        var missing = expected.Where(e => !actual.Any(a => a.Item1 == e.File && a.Line == e.Line && a.Column == e.Col && a.Message.Contains(e.Phrase, StringComparison.Ordinal))).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => a.Item1 == e.File && a.Line == e.Line && a.Column == e.Col && a.Message.Contains(e.Phrase, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            "Missing:\n" + string.Join("\n", missing) + "\nUnexpected:\n" + string.Join("\n", unexpected.Select(u => $"{u.Item1}:{u.Line}:{u.Column}: {u.Message}")));
        Assert.Single(result.Definitions); // duplicate-a.yaml is valid on its own
    }

    [Fact]
    public void Should_refuse_a_changed_file_whose_version_was_not_bumped()
    {
        var file = RepoPaths.InRepo("workflows", "diploma-copy.yaml");
        var current = loader.LoadDirectory(RepoPaths.InRepo("workflows")).Definitions.Single(d => d.Definition.Id == "diploma-copy").Definition.Version;
        var history = new InMemoryDefinitionHistory(new Dictionary<(string, int), string> { [("diploma-copy", current)] = "an-older-hash" });

        var result = loader.LoadDirectory(RepoPaths.InRepo("workflows"), history);

        var error = Assert.Single(result.Errors);
        Assert.Equal(file, error.Location.File);
        Assert.Contains("increase `version:`", error.Message);
        Assert.DoesNotContain(result.Definitions, d => d.Definition.Id == "diploma-copy");
    }

    [Fact]
    public void Should_accept_the_same_content_again_under_the_same_version()
    {
        var first = loader.LoadDirectory(RepoPaths.InRepo("workflows"));
        var history = new InMemoryDefinitionHistory(first.Definitions.ToDictionary(d => (d.Definition.Id, d.Definition.Version), d => d.Definition.ContentHash));

        Assert.Empty(loader.LoadDirectory(RepoPaths.InRepo("workflows"), history).Errors);
    }
}
